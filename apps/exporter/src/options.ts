import { type AccountOptions, checkAccount } from "./account.js";
import type { Logger } from "./logger.js";
import { parseListenAddress } from "./settings/listen-address.js";
import { SettingError } from "./settings/setting-error.js";
import { checkTelemetryPath } from "./settings/telemetry-path.js";

/** Options of {@link startExporter}. Give `accounts`, or `baseUrl` and `apiKey` for one account. */
export interface ExporterOptions {
  /** Accounts to watch, each exported with its `account` label. */
  accounts?: AccountOptions[];
  /** Base URL of the API for the single-account form. Required: there is no default host. */
  baseUrl?: string;
  /** API key for the single-account form. */
  apiKey?: string;
  /** Name of the single account (its `account` label). Default "default". */
  accountName?: string;
  /** Port pool size of the single account. */
  poolSize?: number;
  /** "host:port", or ":port" for every interface. Overrides `host` and `port`. */
  listenAddress?: string;
  /** Interface to listen on. Default "127.0.0.1". */
  host?: string;
  /** Port to listen on; 0 for any free port. Default 9731. */
  port?: number;
  /** Path of the metrics page. Default "/metrics". */
  telemetryPath?: string;
  /** How long one successful upstream read of every page is reused, in ms. Default 60_000. */
  cacheTtlMs?: number;
  /** How long a failed read is reused, in ms (at most the TTL). Default 10_000 or the TTL. */
  cacheFailureTtlMs?: number;
  /** Time limit of a read when the scraper sends no timeout header, in ms. Default 10_000. */
  scrapeTimeoutMs?: number;
  /** Margin kept from the scraper's timeout header to answer in time, in ms. Default 500. */
  scrapeTimeoutOffsetMs?: number;
  /** Export city, state, ISP and one info series per config (high cardinality). Default false. */
  details?: boolean;
  /** Cap on the series of each detail view; the rest are counted as dropped. Default 1000. */
  detailsMaxSeries?: number;
  /** Export Node's default process metrics on the telemetry path. Default true. */
  defaultMetrics?: boolean;
  /** Pages the client fetches at once. Default: the client's (4). */
  pageConcurrency?: number;
  /** A pino-compatible logger. Default: pino at `logLevel` on stdout. */
  logger?: Logger;
  /** Level of the default logger. Default "info". */
  logLevel?: string;
}

/** Options with every default filled in and every value checked. */
export interface ResolvedOptions {
  accounts: AccountOptions[];
  host: string | undefined;
  port: number;
  telemetryPath: string;
  cacheTtlMs: number;
  cacheFailureTtlMs: number;
  scrapeTimeoutMs: number;
  scrapeTimeoutOffsetMs: number;
  details: boolean;
  detailsMaxSeries: number;
  defaultMetrics: boolean;
  pageConcurrency: number | undefined;
}

/** Default listen address: loopback only, unlike the official exporters (see README). */
export const DEFAULT_HOST = "127.0.0.1";
/** Default port of the exporter. */
export const DEFAULT_PORT = 9731;

/** Accepted range of each numeric option, `[min, max]`; the flags are checked against it too. */
export const LIMITS = {
  cacheTtlMs: [0, 86_400_000],
  cacheFailureTtlMs: [0, 86_400_000],
  scrapeTimeoutMs: [1, 3_600_000],
  scrapeTimeoutOffsetMs: [0, 3_600_000],
  detailsMaxSeries: [1, 1_000_000],
} as const satisfies Record<string, readonly [number, number]>;

/** Checks the options and fills in defaults; throws a one-line `SettingError`. */
export function resolveOptions(options: ExporterOptions): ResolvedOptions {
  const accounts = accountsOf(options);
  const listen =
    options.listenAddress === undefined
      ? { host: options.host ?? DEFAULT_HOST, port: options.port ?? DEFAULT_PORT }
      : parseListenAddress("listenAddress", options.listenAddress);
  checkNumber("port", listen.port, 0, 65_535);

  const telemetryPath = options.telemetryPath ?? "/metrics";
  checkTelemetryPath("telemetryPath", telemetryPath);
  const cacheTtlMs = options.cacheTtlMs ?? 60_000;
  if (options.cacheFailureTtlMs !== undefined && options.cacheFailureTtlMs > cacheTtlMs) {
    throw new SettingError(
      `cacheFailureTtlMs ${options.cacheFailureTtlMs} is longer than cacheTtlMs ${cacheTtlMs}: ` +
        "a failed read cannot be reused longer than a good one; lower it or raise the TTL",
    );
  }
  const resolved: ResolvedOptions = {
    accounts,
    host: listen.host,
    port: listen.port,
    telemetryPath,
    cacheTtlMs,
    cacheFailureTtlMs: options.cacheFailureTtlMs ?? Math.min(10_000, cacheTtlMs),
    scrapeTimeoutMs: options.scrapeTimeoutMs ?? 10_000,
    scrapeTimeoutOffsetMs: options.scrapeTimeoutOffsetMs ?? 500,
    details: options.details ?? false,
    detailsMaxSeries: options.detailsMaxSeries ?? 1000,
    defaultMetrics: options.defaultMetrics ?? true,
    pageConcurrency: options.pageConcurrency,
  };
  for (const name of Object.keys(LIMITS) as Array<keyof typeof LIMITS>) {
    const [min, max] = LIMITS[name];
    checkNumber(name, resolved[name], min, max);
  }
  if (resolved.pageConcurrency !== undefined) {
    checkNumber("page concurrency", resolved.pageConcurrency, 1, 64);
  }
  return resolved;
}

function accountsOf(options: ExporterOptions): AccountOptions[] {
  if (options.accounts !== undefined) {
    if (options.accounts.length === 0) {
      throw new SettingError("accounts is empty: give at least one account");
    }
    const names = new Set<string>();
    for (const account of options.accounts) {
      checkAccount(account, "accounts");
      if (names.has(account.name)) {
        throw new SettingError(`accounts: name "${account.name}" is used twice: rename one`);
      }
      names.add(account.name);
    }
    return options.accounts;
  }
  const account: AccountOptions = {
    name: options.accountName ?? "default",
    baseUrl: options.baseUrl ?? "",
    apiKey: options.apiKey ?? "",
    poolSize: options.poolSize,
  };
  checkAccount(account, "account");
  return [account];
}

function checkNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new SettingError(`${name} must be a number from ${min} to ${max}, got ${String(value)}`);
  }
}
