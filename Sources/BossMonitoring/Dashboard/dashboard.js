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
