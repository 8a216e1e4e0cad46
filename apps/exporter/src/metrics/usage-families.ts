import type { Tally, UsageSummary } from "@nineproxy/usage";
import { shareInUse } from "@nineproxy/usage";
import type { AccountView, Emit, Family } from "./family.js";

/** Emits a family from the last good summary only; nothing before the first good read. */
function fromSummary(fill: (emit: Emit, summary: UsageSummary, account: AccountView) => void) {
  return (emit: Emit, account: AccountView) => {
    const summary = account.cache.snapshot?.summary;
    if (summary !== undefined) fill(emit, summary, account);
  };
}

/** The configs and ports families of one dimension, split so no metric is a cross-product. */
function byDimension(
  dimension: string,
  label: string,
  what: string,
  pick: (s: UsageSummary) => Record<string, Tally>,
): Family[] {
  return [
    {
      name: `nineproxy_connection_configs_by_${dimension}`,
      type: "gauge",
      help: `Connection configs of the account, by ${what}.`,
      labelNames: [label],
      fill: fromSummary((emit, s) => {
        for (const [value, t] of Object.entries(pick(s))) emit({ [label]: value }, t.configs);
      }),
    },
    {
      name: `nineproxy_allocated_ports_by_${dimension}`,
      type: "gauge",
      help: `Ports allocated to the account's connection configs, by ${what}.`,
      labelNames: [label],
      fill: fromSummary((emit, s) => {
        for (const [value, t] of Object.entries(pick(s))) emit({ [label]: value }, t.ports);
      }),
    },
  ];
}

/** Port-usage families, all bounded: a handful of countries, modes, proxy types and servers. */
export const USAGE_FAMILIES: readonly Family[] = [
  {
    name: "nineproxy_connection_configs",
    type: "gauge",
    help: "Connection configs of the account, as of the last good read.",
    labelNames: [],
    fill: fromSummary((emit, s) => emit({}, s.configs)),
  },
  {
    name: "nineproxy_allocated_ports",
    type: "gauge",
    help: "Ports allocated to the account: the sum of end_port - start_port + 1 over consistent configs.",
    labelNames: [],
    fill: fromSummary((emit, s) => emit({}, s.allocatedPorts)),
  },
  ...byDimension(
    "country",
    "country_code",
    'country_code ("any" when none is targeted)',
    (s) => s.byCountry,
  ),
  ...byDimension(
    "session_mode",
    "session_mode",
    "session mode (sticky, rotating, unknown)",
    (s) => s.bySessionMode,
  ),
  ...byDimension(
    "proxy_type",
    "proxy_type",
    "proxy_type (an opaque integer)",
    (s) => s.byProxyType,
  ),
  ...byDimension("server", "server_id", "gateway server_id", (s) => s.byServer),
  {
    name: "nineproxy_server_lowest_start_port",
    type: "gauge",
    help: "Lowest start_port of a consistent config on the gateway server.",
    labelNames: ["server_id"],
    fill: fromSummary((emit, s) => {
      for (const [id, server] of Object.entries(s.byServer)) {
        if (server.lowestStartPort !== undefined) emit({ server_id: id }, server.lowestStartPort);
      }
    }),
  },
  {
    name: "nineproxy_server_highest_end_port",
    type: "gauge",
    help: "Highest end_port of a consistent config on the gateway server.",
    labelNames: ["server_id"],
    fill: fromSummary((emit, s) => {
      for (const [id, server] of Object.entries(s.byServer)) {
        if (server.highestEndPort !== undefined) emit({ server_id: id }, server.highestEndPort);
      }
    }),
  },
  {
    name: "nineproxy_newest_config_update_timestamp_seconds",
    type: "gauge",
    help: "Newest updated_at among the account's configs, in unix seconds.",
    labelNames: [],
    fill: fromSummary((emit, s) => {
      if (s.newestUpdatedAt !== undefined) emit({}, s.newestUpdatedAt);
    }),
  },
  {
    name: "nineproxy_inconsistent_configs",
    type: "gauge",
    help: "Configs whose data is inconsistent, by reason (end_before_start, overlapping, missing_ports).",
    labelNames: ["reason"],
    fill: fromSummary((emit, s) => {
      emit({ reason: "end_before_start" }, s.inconsistent.endBeforeStart);
      emit({ reason: "overlapping" }, s.inconsistent.overlapping);
      emit({ reason: "missing_ports" }, s.inconsistent.missingPorts);
    }),
  },
  {
    name: "nineproxy_port_pool_size",
    type: "gauge",
    help: "Ports in the account's pool, as given by the operator (--pool.size or pool_size).",
    labelNames: [],
    fill: (emit, account) => {
      if (account.poolSize !== undefined) emit({}, account.poolSize);
    },
  },
  {
    name: "nineproxy_port_pool_usage_ratio",
    type: "gauge",
    help: "Share of the port pool allocated, from 0 to 1 (above 1 when over-allocated).",
    labelNames: [],
    fill: fromSummary((emit, s, account) => {
      const share =
        account.poolSize === undefined ? undefined : shareInUse(s.allocatedPorts, account.poolSize);
      if (share !== undefined) emit({}, share);
    }),
  },
];
