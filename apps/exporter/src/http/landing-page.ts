/** What the landing page shows. */
export interface LandingInfo {
  version: string;
  telemetryPath: string;
  accounts: readonly string[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small HTML page on `/`: links to the metrics, each account's probe and the health check. */
export function landingPage(info: LandingInfo): string {
  const path = escapeHtml(info.telemetryPath);
  const probes = info.accounts
    .map((name) => {
      const href = `/probe?target=${encodeURIComponent(name)}`;
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(name)}</a></li>`;
    })
    .join("");
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><title>9Proxy exporter</title></head><body>',
    "<h1>9Proxy exporter</h1>",
    `<p>Port usage of 9Proxy accounts for Prometheus. Version ${escapeHtml(info.version)}.</p>`,
    `<ul><li><a href="${path}">Metrics</a> (every account)</li>`,
    '<li><a href="/healthz">Health</a></li></ul>',
    `<h2>Accounts</h2><p>Probe one at a time:</p><ul>${probes}</ul>`,
    "</body></html>",
    "",
  ].join("\n");
}
