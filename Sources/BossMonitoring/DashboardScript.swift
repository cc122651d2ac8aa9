/// The dashboard's inline JavaScript.
enum DashboardScript {
    /// Polling, Prometheus text parsing and the series each chart shows.
    static let data = #"""
        const HISTORY = 90, POLL_MS = 2000;
        const metric = (m, name, labels) => {
          let total = null;
          for (const s of m[name] || []) {
            if (labels && !Object.entries(labels).every(([k, v]) => s.labels[k] === v)) continue;
            total = (total || 0) + s.value;
          }
          return total;
        };
        const charts = [
          { id: "queue", title: "Queue (jobs)", series: [
            { name: "waiting", color: "#4fc3f7", f: m => metric(m, "boss_queue_length") },
            { name: "running", color: "#81c784", f: m => metric(m, "boss_jobs", { state: "running" }) } ] },
          { id: "throughput", title: "Throughput (bytes/s)", series: [
            { name: "downloaded", color: "#ffb74d", rate: 1, f: m => metric(m, "boss_downloaded_bytes_total") } ] },
          { id: "errors", title: "Errors (per minute)", series: [
            { name: "errors", color: "#e57373", rate: 60, f: m => metric(m, "boss_errors_total") },
            { name: "files rejected", color: "#ba68c8", rate: 60, f: m => metric(m, "boss_files_rejected_total") },
            { name: "security events", color: "#fff176", rate: 60,
              f: m => metric(m, "boss_security_events_total") } ] },
          { id: "latency", title: "Latency (ms)", series: [
            { name: "gateway heartbeat", color: "#4db6ac",
              f: m => (metric(m, "boss_gateway_heartbeat_latency_seconds") ?? 0) * 1000 },
            { name: "Discord REST (mean)", color: "#9575cd", ratio: ["boss_discord_request_seconds_sum",
              "boss_discord_request_seconds_count"], f: () => null },
            { name: "command answer (mean)", color: "#f06292", ratio: ["boss_command_response_seconds_sum",
              "boss_command_response_seconds_count"], f: () => null } ] },
          { id: "storage", title: "Storage (% of quota)", series: [
            { name: "used", color: "#90a4ae", f: m => metric(m, "boss_storage_quota_used_percent") } ] },
        ];
        function parse(text) {
          const m = {};
          for (const line of text.split("\n")) {
            if (!line || line[0] === "#") continue;
            const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/);
            if (!match) continue;
            const labels = {};
            for (const l of (match[2] || "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
            (m[match[1]] = m[match[1]] || []).push({ labels, value: parseFloat(match[3]) });
          }
          return m;
        }
        let previous = null;
        function sample(m, now) {
          for (const chart of charts) for (const s of chart.series) {
            s.points = s.points || [];
            let value;
            if (s.ratio) {
              const sum = metric(m, s.ratio[0]), count = metric(m, s.ratio[1]);
              const p = previous && previous.m;
              const ds = sum - (p ? metric(p, s.ratio[0]) ?? 0 : 0), dc = count - (p ? metric(p, s.ratio[1]) ?? 0 : 0);
              value = sum === null ? null : dc > 0 ? ds / dc * 1000 : (s.points.at(-1) ?? 0);
            } else if (s.rate) {
              const raw = s.f(m), old = previous ? s.f(previous.m) : null;
              value = raw === null || old === null ? null : Math.max(0, raw - old) / ((now - previous.t) / 1000) * s.rate;
            } else value = s.f(m);
            if (value !== null && !Number.isNaN(value)) s.points.push(value);
            if (s.points.length > HISTORY) s.points.shift();
          }
          previous = { m, t: now };
        }
        const human = v => v >= 1e9 ? (v / 1e9).toFixed(1) + "G" : v >= 1e6 ? (v / 1e6).toFixed(1) + "M"
          : v >= 1e3 ? (v / 1e3).toFixed(1) + "k" : (Math.round(v * 10) / 10).toString();
        """#
}
