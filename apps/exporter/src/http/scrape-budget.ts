/**
 * How long a scrape may spend reading upstream, in ms: the scraper's
 * `X-Prometheus-Scrape-Timeout-Seconds` minus `offsetMs` (at least half the scraper's timeout),
 * or `defaultMs` when the header is absent or not a positive number.
 */
export function scrapeBudgetMs(
  header: string | string[] | undefined,
  defaultMs: number,
  offsetMs: number,
): number {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  if (header === undefined || !Number.isFinite(seconds) || seconds <= 0) return defaultMs;
  const timeoutMs = seconds * 1000;
  return Math.max(timeoutMs - offsetMs, timeoutMs / 2);
}
