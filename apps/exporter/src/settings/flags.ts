/** One command-line flag, with its environment variable and default. */
export interface Flag {
  name: string;
  env: string;
  /** A boolean flag takes no value (`--x` or `--no-x`); others take `--x=value` or `--x value`. */
  boolean?: boolean;
  default?: string;
  help: string;
}

/** Every flag, in `--help` order. The API key has no flag: flags show up in `ps`. */
export const FLAGS: readonly Flag[] = [
  {
    name: "web.listen-address",
    env: "NINEPROXY_EXPORTER_LISTEN_ADDRESS",
    default: "127.0.0.1:9731",
    help: "Address to listen on; use :9731 for every interface.",
  },
  {
    name: "web.telemetry-path",
    env: "NINEPROXY_EXPORTER_TELEMETRY_PATH",
    default: "/metrics",
    help: "Path of the metrics page.",
  },
  {
    name: "api.base-url",
    env: "NINEPROXY_BASE_URL",
    help: "The API's address (required), e.g. https://api.9proxy.com or http://127.0.0.1:4010.",
  },
  {
    name: "account.name",
    env: "NINEPROXY_EXPORTER_ACCOUNT_NAME",
    default: "default",
    help: "The account label of the single account (key from NINEPROXY_API_KEY).",
  },
  {
    name: "config.file",
    env: "NINEPROXY_EXPORTER_CONFIG_FILE",
    help: "YAML file listing several accounts (replaces NINEPROXY_API_KEY); see the README.",
  },
  {
    name: "cache.ttl",
    env: "NINEPROXY_EXPORTER_CACHE_TTL",
    default: "60s",
    help: "How long one successful read of every page is reused by all scrapes.",
  },
  {
    name: "cache.failure-ttl",
    env: "NINEPROXY_EXPORTER_CACHE_FAILURE_TTL",
    help:
      "How long a failed read is reused before the next scrape retries, at most --cache.ttl " +
      "(default 10s, or --cache.ttl when that is shorter).",
  },
  {
    name: "scrape.timeout",
    env: "NINEPROXY_EXPORTER_SCRAPE_TIMEOUT",
    default: "10s",
    help: "Time limit of a read when the scraper sends no X-Prometheus-Scrape-Timeout-Seconds.",
  },
  {
    name: "scrape.timeout-offset",
    env: "NINEPROXY_EXPORTER_SCRAPE_TIMEOUT_OFFSET",
    default: "500ms",
    help: "Margin taken off the scraper's timeout so the page is served in time.",
  },
  {
    name: "pool.size",
    env: "NINEPROXY_EXPORTER_POOL_SIZE",
    help: "Ports in the single account's pool; enables pool size and share-in-use metrics.",
  },
  {
    name: "collector.details",
    env: "NINEPROXY_EXPORTER_DETAILS",
    boolean: true,
    default: "false",
    help: "Export city, state, ISP and one info series per config (high cardinality).",
  },
  {
    name: "collector.details.max-series",
    env: "NINEPROXY_EXPORTER_DETAILS_MAX_SERIES",
    default: "1000",
    help: "Cap on the series of each detail view; the rest are counted as dropped.",
  },
  {
    name: "log.level",
    env: "NINEPROXY_EXPORTER_LOG_LEVEL",
    default: "info",
    help: "Log level: debug, info, warn or error.",
  },
];

/** Environment variables that are read but have no flag. */
export const ENV_ONLY = [
  { env: "NINEPROXY_API_KEY", help: "The account's API key (from the 9Proxy dashboard)." },
];
