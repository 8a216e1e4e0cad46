/** How long to wait between attempts: exponential growth from `baseMs`, never above `capMs`. */
export interface BackoffOptions {
  /** Upper bound of the first wait, in ms. Default 200. */
  baseMs: number;
  /** Largest upper bound of any wait, in ms. Default 10_000. */
  capMs: number;
}

/** Defaults of {@link BackoffOptions}. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 200, capMs: 10_000 };

/**
 * Full-jitter wait before retry number `retry` (1 for the first retry): a uniform draw in
 * `[0, min(capMs, baseMs * 2^(retry-1)))`.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

// note: RFC 9110 allows only an integer of seconds or an HTTP date; anything else is ignored.
const SECONDS = /^\s*(\d+)\s*$/;
// every HTTP-date form (IMF-fixdate, RFC 850, asctime) starts with the day's name
const HTTP_DATE = /^\s*[A-Za-z]{3}/;

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date measured
 * against `now`. A date in the past means 0; a missing or unreadable header means `undefined`.
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number,
): number | undefined {
  if (header === null || header === undefined) return undefined;
  const seconds = SECONDS.exec(header);
  if (seconds?.[1] !== undefined) return Number(seconds[1]) * 1000;
  const at = HTTP_DATE.test(header) ? Date.parse(header) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
