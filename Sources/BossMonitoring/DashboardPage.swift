/// The dashboard at `/`: one self-contained page (no CDN, no external file) whose inline script polls
/// `/metrics` and `/healthz` every 2 seconds and draws live canvas charts of the queue, throughput,
/// errors, latency and storage. When every chart has drawn data it sets the title to
/// `Boss-Bot dashboard: live`, and each canvas carries `data-points` and `data-ink` (pixels drawn).
enum DashboardPage {
    static let html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Boss-Bot dashboard</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>\(style)</style></head>
        <body>
        <header><h1>Boss-Bot</h1><span id="health" class="badge">…</span><span id="updated"></span></header>
        <section id="stats"></section>
        <main id="charts"></main>
        <script>\(DashboardScript.data)
        \(DashboardScript.drawing)</script>
        </body></html>
        """

    static let style = """
        body { margin: 0; font: 14px system-ui, sans-serif; background: #10141a; color: #d8dee9; }
        header { display: flex; align-items: center; gap: 16px; padding: 12px 20px; background: #171c24; }
        h1 { font-size: 20px; margin: 0; }
        .badge { padding: 3px 10px; border-radius: 10px; background: #444; }
        .badge.ok { background: #2e7d32; } .badge.bad { background: #c62828; }
        #updated { margin-left: auto; color: #8a94a6; }
        #stats { display: flex; flex-wrap: wrap; gap: 12px; padding: 12px 20px; }
        .stat { background: #171c24; padding: 8px 14px; border-radius: 6px; min-width: 120px; }
        .stat b { display: block; font-size: 20px; }
        #charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 16px;
          padding: 0 20px 20px; }
        figure { margin: 0; background: #171c24; border-radius: 6px; padding: 8px; }
        figcaption { margin-bottom: 4px; } canvas { width: 100%; height: 200px; display: block; }
        """
}
