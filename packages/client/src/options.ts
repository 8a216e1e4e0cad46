import type { Dispatcher } from "undici";
import { type BackoffOptions, DEFAULT_BACKOFF } from "./backoff.js";
import type { Hooks, Logger } from "./hooks.js";

/** Options of {@link createClient}. Only `apiKey` and `baseUrl` are required. */
export interface ClientOptions {
  /** The account's API key; sent as the `api-key` query parameter, never shown anywhere. */
  apiKey: string;
  /** Where the API is, e.g. `http://127.0.0.1:4010`. Required: there is no default host. */
  baseUrl: string;
  /**
   * A fetch to send every request with. Default: the client's own calls go out through undici's
   * `request` (faster than fetch on Node 20), and `client.raw` uses `globalThis.fetch`.
   */
  fetch?: typeof fetch;
  /**
   * The undici dispatcher (an `Agent`, `ProxyAgent`, …) to send with: the client's own calls use
   * it, and `fetch` is given it for `client.raw` and calls middleware sees. Default: undici's
   * global one, so what an app set with `setGlobalDispatcher` applies. Not with `fetch`.
   */
  dispatcher?: Dispatcher;
  /** Attempts per call, the first included. Default 3. */
  maxAttempts?: number;
  /** Time limit of one attempt, in ms. Default 10_000. */
  timeoutMs?: number;
  /** Time limit of a whole call (all its attempts and waits), in ms. Default 60_000. */
  deadlineMs?: number;
  /** Longest `Retry-After` honoured, in ms; longer fails with `RateLimitError`. Default 60_000. */
  maxRetryAfterMs?: number;
  /** Exponential full-jitter backoff. Default `{ baseMs: 200, capMs: 10_000 }`. */
  backoff?: Partial<BackoffOptions>;
  /** `limit` of each page when the query gives none. Default 100 (the largest the API takes). */
  pageSize?: number;
  /** Pages fetched at once by `pages()`/`items()` after the first. Default 4. */
  pageConcurrency?: number;
  /** Request, response and retry callbacks. */
  hooks?: Hooks;
  /** A pino-compatible logger; requests at debug, retries at warn. Default none. */
  logger?: Logger;
  /** Clock in ms since the epoch, to read `Retry-After` dates. Default `Date.now`. */
  clock?: () => number;
  /** Random source in [0, 1) for jitter. Default `Math.random`. */
  random?: () => number;
}

/** Per-call limits; each overrides the client's option of the same name. */
export interface CallOptions {
  /** Cancels the call at once, also while waiting to retry. */
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  deadlineMs?: number | undefined;
  maxAttempts?: number | undefined;
}

/**
 * Options of `pages()` and `items()`. The time limits apply to each page's call; to bound a whole
 * iteration, pass `signal: AbortSignal.timeout(ms)`.
 */
export interface PageOptions extends CallOptions {
  /** Pages in flight at once after the first. Default: the client's `pageConcurrency`. */
  concurrency?: number | undefined;
  /** Stop after this many configs. */
  maxItems?: number | undefined;
  /** Stop after this many pages. */
  maxPages?: number | undefined;
  /** Skip a config already yielded (same `id`) when data shifts between pages. Default true. */
  dedupe?: boolean | undefined;
}

/** Client options with every default filled in. */
export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  /** The caller's fetch, if one was given. */
  fetch: typeof fetch | undefined;
  /** The caller's dispatcher, if one was given. */
  dispatcher: Dispatcher | undefined;
  maxAttempts: number;
  timeoutMs: number;
  deadlineMs: number;
  maxRetryAfterMs: number;
  backoff: BackoffOptions;
  pageSize: number;
  pageConcurrency: number;
  hooks: Hooks | undefined;
  logger: Logger | undefined;
  clock: () => number;
  random: () => number;
}

/** Default values of the numeric options. */
export const DEFAULTS = {
  maxAttempts: 3,
  timeoutMs: 10_000,
  deadlineMs: 60_000,
  maxRetryAfterMs: 60_000,
  pageSize: 100,
  pageConcurrency: 4,
} as const;

/** Throws a `TypeError` naming the option unless `value` is an integer ≥ `min` (or absent). */
export function checkInteger(name: string, value: unknown, min: number): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new TypeError(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}

/** Throws a `TypeError` naming the option unless `value` is a positive number (or absent). */
export function checkDuration(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new TypeError(`${name} must be a number of milliseconds > 0, got ${String(value)}`);
  }
}

/** Checks per-call options; throws a `TypeError` that names the bad one. */
export function checkCallOptions(options: CallOptions & Partial<PageOptions>): void {
  checkInteger("maxAttempts", options.maxAttempts, 1);
  checkDuration("timeoutMs", options.timeoutMs);
  checkDuration("deadlineMs", options.deadlineMs);
  checkInteger("concurrency", options.concurrency, 1);
  checkInteger("maxItems", options.maxItems, 0);
  checkInteger("maxPages", options.maxPages, 0);
}

/** Validates client options and fills in defaults; messages never include the key. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (typeof options?.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new TypeError("apiKey is required: pass the key made in the 9Proxy dashboard");
  }
  const baseUrl = checkBaseUrl(options.baseUrl);
  checkInteger("maxAttempts", options.maxAttempts, 1);
  checkDuration("timeoutMs", options.timeoutMs);
  checkDuration("deadlineMs", options.deadlineMs);
  checkDuration("maxRetryAfterMs", options.maxRetryAfterMs);
  checkInteger("pageSize", options.pageSize, 1);
  checkInteger("pageConcurrency", options.pageConcurrency, 1);
  checkInteger("backoff.baseMs", options.backoff?.baseMs, 0);
  checkInteger("backoff.capMs", options.backoff?.capMs, 0);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("fetch must be a function");
  }
  const dispatcher = options.dispatcher as { dispatch?: unknown } | undefined;
  if (dispatcher !== undefined && typeof dispatcher.dispatch !== "function") {
    throw new TypeError("dispatcher must be an undici Dispatcher, e.g. new Agent() from undici");
  }
  if (dispatcher !== undefined && options.fetch !== undefined) {
    throw new TypeError("give fetch or dispatcher, not both: a given fetch sends every request");
  }
  return {
    apiKey: options.apiKey,
    baseUrl,
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    deadlineMs: options.deadlineMs ?? DEFAULTS.deadlineMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    pageSize: options.pageSize ?? DEFAULTS.pageSize,
    pageConcurrency: options.pageConcurrency ?? DEFAULTS.pageConcurrency,
    hooks: options.hooks,
    logger: options.logger,
    clock: options.clock ?? Date.now,
    random: options.random ?? Math.random,
  };
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(
      "baseUrl is required, e.g. http://127.0.0.1:4010 (there is no default host)",
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError("baseUrl must be an absolute http(s) URL, e.g. http://127.0.0.1:4010");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError("baseUrl must use http or https");
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    // note: the message does not echo the URL, which may hold a key someone pasted in.
    throw new TypeError("baseUrl must not carry a query, fragment or credentials: pass apiKey");
  }
  return value.replace(/\/+$/, "");
}
