extension DashboardScript {
    /// Canvas drawing, the figures at the top, and the polling loop.
    static let drawing = #"""
        const BACKGROUND = [23, 28, 36];
        for (const chart of charts) {
          const figure = document.createElement("figure");
          figure.innerHTML = `<figcaption>${chart.title}</figcaption><canvas id="${chart.id}" width="600" height="200"></canvas>`;
          document.getElementById("charts").appendChild(figure);
        }
        function draw(chart) {
          const canvas = document.getElementById(chart.id), g = canvas.getContext("2d");
          const w = canvas.width, h = canvas.height, pad = 28, top = 14, bottom = h - 28;
          g.fillStyle = `rgb(${BACKGROUND.join(",")})`; g.fillRect(0, 0, w, h);
          const all = chart.series.flatMap(s => s.points || []);
          const max = Math.max(1, ...all) * 1.1;
          g.strokeStyle = "#2a3140"; g.fillStyle = "#8a94a6"; g.font = "11px sans-serif"; g.lineWidth = 1;
          for (let i = 0; i <= 4; i++) {
            const y = top + (bottom - top) * i / 4;
            g.beginPath(); g.moveTo(pad, y); g.lineTo(w - 4, y); g.stroke();
            g.fillText(human(max * (4 - i) / 4), 2, y + 4);
          }
          let x0 = pad + 4;
          for (const s of chart.series) {
            const pts = s.points || [], span = Math.min(HISTORY, Math.max(10, pts.length));
            g.strokeStyle = s.color; g.fillStyle = s.color; g.lineWidth = 2; g.beginPath();
            pts.forEach((v, i) => {
              const x = pad + (w - pad - 4) * (i + span - pts.length) / (span - 1);
              const y = bottom - (bottom - top) * v / max;
              i ? g.lineTo(x, y) : g.moveTo(x, y);
            });
            if (pts.length === 1) g.arc(w - 6, bottom - (bottom - top) * pts[0] / max, 3, 0, 7);
            g.stroke();
            g.fillText(s.name, x0, h - 6); x0 += g.measureText(s.name).width + 14;
          }
          // Pixels the series drew in the plot area (grid lines and labels are too dim to count).
          const pixels = g.getImageData(pad, 0, w - pad, bottom + 3).data;
          let ink = 0;
          for (let i = 0; i < pixels.length; i += 4)
            if (Math.abs(pixels[i] - BACKGROUND[0]) + Math.abs(pixels[i + 1] - BACKGROUND[1])
                + Math.abs(pixels[i + 2] - BACKGROUND[2]) > 100) ink++;
          canvas.dataset.points = Math.max(...chart.series.map(s => (s.points || []).length));
          canvas.dataset.ink = ink;
          return canvas.dataset.points > 0;
        }
        function stats(m, health) {
          const figures = [["waiting", metric(m, "boss_queue_length")], ["running", metric(m, "boss_jobs", { state: "running" })],
            ["downloaded", metric(m, "boss_downloaded_bytes_total")], ["errors", metric(m, "boss_errors_total")],
            ["storage %", metric(m, "boss_storage_quota_used_percent")], ["memory", metric(m, "process_resident_memory_bytes")]];
          document.getElementById("stats").innerHTML = figures.map(([k, v]) =>
            `<div class="stat">${k}<b>${v === null ? "–" : human(v)}</b></div>`).join("");
          const badge = document.getElementById("health");
          badge.textContent = health.status === "ok" ? "healthy" : (health.reasons || ["unreachable"]).join(", ");
          badge.className = "badge " + (health.status === "ok" ? "ok" : "bad");
        }
        async function poll() {
          try {
            const [metrics, health] = await Promise.all([fetch("/metrics").then(r => r.text()),
              fetch("/healthz").then(r => r.json()).catch(() => ({}))]);
            const m = parse(metrics);
            sample(m, Date.now());
            stats(m, health);
            const drawn = charts.map(draw).every(Boolean);
            document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
            if (drawn) document.title = "Boss-Bot dashboard: live";
          } catch (e) {
            document.getElementById("updated").textContent = "cannot reach the bot: " + e;
          }
          setTimeout(poll, POLL_MS);
        }
        poll();
        """#
}
