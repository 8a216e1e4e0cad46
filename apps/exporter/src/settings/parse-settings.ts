import { checkAccountName, checkBaseUrl } from "../account.js";
import { type ExporterOptions, LIMITS } from "../options.js";
import { loadAccountsFile } from "./accounts-file.js";
import { formatDuration, parseDuration } from "./duration.js";
import { FLAGS, type Flag } from "./flags.js";
import { parseListenAddress } from "./listen-address.js";
import { SettingError } from "./setting-error.js";
import { checkTelemetryPath } from "./telemetry-path.js";

/** What the command line asks for. */
export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "run"; options: ExporterOptions };

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "silent"]);

/**
 * Reads flags (`--name=value`, `--name value`, `--[no-]bool`) over environment variables over
 * defaults, and checks them. Throws a one-line `SettingError` naming the setting and the fix.
 */
export function parseSettings(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    if (arg === "--version") return { kind: "version" };
    const match = /^--(no-)?([a-z][a-z0-9.-]*)(?:=(.*))?$/s.exec(arg);
    const flag = FLAGS.find((f) => f.name === match?.[2]);
    if (match === null || flag === undefined) {
      throw new SettingError(`unknown flag "${arg.split("=")[0]}": see --help for the flags`);
    }
    const [, negated, name, inline] = match;
    if (flag.boolean) {
      if (inline !== undefined)
        throw new SettingError(`--${name} takes no value: use --[no-]${name}`);
      given.set(flag.name, negated ? "false" : "true");
      continue;
    }
    const value = inline ?? argv[++i];
    if (negated || value === undefined) {
      throw new SettingError(`--${name} needs a value: use --${name}=<value> (see --help)`);
    }
    given.set(flag.name, value);
  }

  const setting = (name: string) => {
    const flag = FLAGS.find((f) => f.name === name) as Flag;
    const fromEnv = env[flag.env];
    const value = given.get(name) ?? (fromEnv === "" ? undefined : fromEnv) ?? flag.default;
    const label = given.has(name) ? `--${name}` : fromEnv ? flag.env : `--${name}`;
    return { value, label };
  };
  return { kind: "run", options: toOptions(setting, env) };
}

function toOptions(
  setting: (name: string) => { value: string | undefined; label: string },
  env: NodeJS.ProcessEnv,
): ExporterOptions {
  // note: checked here against the options' limits so that the line names the flag or variable
  const duration = (name: string, [min, max]: readonly [number, number]) => {
    const { value, label } = setting(name);
    const ms = parseDuration(label, value ?? "");
    if (ms < min || ms > max) {
      const range = `from ${formatDuration(min)} to ${formatDuration(max)}`;
      throw new SettingError(`${label} "${value}" is out of range: use a duration ${range}`);
    }
    return ms;
  };
  // note: no default in the flag table, since the default depends on --cache.ttl
  const failureTtl = () => {
    const given = setting("cache.failure-ttl");
    if (given.value === undefined) return undefined;
    const ms = duration("cache.failure-ttl", LIMITS.cacheFailureTtlMs);
    const ttl = setting("cache.ttl");
    if (ms > duration("cache.ttl", LIMITS.cacheTtlMs)) {
      throw new SettingError(
        `${given.label} "${given.value}" is longer than ${ttl.label} "${ttl.value}": a failed read ` +
          "cannot be reused longer than a good one; lower it or raise the TTL",
      );
    }
    return ms;
  };
  const integer = (name: string, [min, max]: readonly [number, number]) => {
    const { value, label } = setting(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      const range = Number.isFinite(max) ? `from ${min} to ${max}` : `>= ${min}`;
      throw new SettingError(`${label} "${value}" must be a whole number ${range}`);
    }
    return Number(value);
  };
  const checked = (name: string, check: (label: string, value: string) => unknown) => {
    const { value, label } = setting(name);
    if (value !== undefined) check(label, value);
    return value;
  };

  const level = setting("log.level");
  if (!LEVELS.has(level.value ?? "")) {
    throw new SettingError(
      `${level.label} "${level.value}" is not a level: use debug, info, warn or error`,
    );
  }
  const details = setting("collector.details");
  if (!["true", "false", "1", "0"].includes(details.value ?? "")) {
    throw new SettingError(`${details.label} "${details.value}" must be true or false`);
  }

  const baseUrl = checked("api.base-url", (label, value) => checkBaseUrl(value, label));
  const configFile = setting("config.file").value;
  const options: ExporterOptions = {
    listenAddress: checked("web.listen-address", parseListenAddress) ?? "",
    telemetryPath: checked("web.telemetry-path", checkTelemetryPath) ?? "/metrics",
    cacheTtlMs: duration("cache.ttl", LIMITS.cacheTtlMs),
    cacheFailureTtlMs: failureTtl(),
    scrapeTimeoutMs: duration("scrape.timeout", LIMITS.scrapeTimeoutMs),
    scrapeTimeoutOffsetMs: duration("scrape.timeout-offset", LIMITS.scrapeTimeoutOffsetMs),
    details: details.value === "true" || details.value === "1",
    detailsMaxSeries: integer("collector.details.max-series", LIMITS.detailsMaxSeries) ?? 1000,
    logLevel: level.value ?? "info",
  };
  if (configFile !== undefined) {
    const pool = setting("pool.size");
    if (pool.value !== undefined) {
      throw new SettingError(
        `${pool.label} applies to the single account: with --config.file, set pool_size per account`,
      );
    }
    return { ...options, accounts: loadAccountsFile(configFile, env, baseUrl) };
  }

  // single account: the base URL and the key are both required, and have no default
  if (baseUrl === undefined) {
    throw new SettingError(
      "NINEPROXY_BASE_URL is not set: set it (or --api.base-url) to the API's address, " +
        "e.g. https://api.9proxy.com or http://127.0.0.1:4010",
    );
  }
  const apiKey = env.NINEPROXY_API_KEY?.trim();
  if (!apiKey) {
    throw new SettingError(
      "NINEPROXY_API_KEY is not set: export the key made in the 9Proxy dashboard, " +
        "or list accounts in --config.file",
    );
  }
  return {
    ...options,
    baseUrl,
    apiKey,
    accountName: checked("account.name", (label, value) => checkAccountName(value, label)),
    poolSize: integer("pool.size", [1, Number.POSITIVE_INFINITY]),
  };
}
