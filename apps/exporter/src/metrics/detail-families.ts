import type { Tally } from "@nineproxy/usage";
import type { Details } from "../upstream/details.js";
import type { AccountView, Emit, Family } from "./family.js";

/** Emits from the detail views of the last good read, when details are enabled. */
function fromDetails(fill: (emit: Emit, details: Details) => void) {
  return (emit: Emit, account: AccountView) => {
    const details = account.cache.snapshot?.details;
    if (details !== undefined) fill(emit, details);
  };
}

function detailPair(
  dimension: string,
  label: string,
  pick: (d: Details) => Array<[string, Tally]>,
): Family[] {
  return [
    {
      name: `nineproxy_connection_configs_by_${dimension}`,
      type: "gauge",
      help: `Connection configs by ${label} (opt-in, capped; "any" when none is targeted).`,
      labelNames: [label],
      fill: fromDetails((emit, d) => {
        for (const [value, t] of pick(d)) emit({ [label]: value }, t.configs);
      }),
    },
    {
      name: `nineproxy_allocated_ports_by_${dimension}`,
      type: "gauge",
      help: `Allocated ports by ${label} (opt-in, capped; "any" when none is targeted).`,
      labelNames: [label],
      fill: fromDetails((emit, d) => {
        for (const [value, t] of pick(d)) emit({ [label]: value }, t.ports);
      }),
    },
  ];
}

/** High-cardinality families, exported only with `--collector.details`, each capped. */
export const DETAIL_FAMILIES: readonly Family[] = [
  ...detailPair("city", "city_code", (d) => d.byCity),
  ...detailPair("state", "state_code", (d) => d.byState),
  ...detailPair("isp", "isp_code", (d) => d.byIsp),
  {
    name: "nineproxy_connection_config_info",
    type: "gauge",
    help: "One series per connection config with its port range and settings (opt-in, capped); value 1.",
    labelNames: [
      "server_id",
      "start_port",
      "end_port",
      "country_code",
      "session_mode",
      "proxy_type",
    ],
    fill: fromDetails((emit, d) => {
      for (const info of d.configs) emit({ ...info }, 1);
    }),
  },
  {
    name: "nineproxy_detail_series_dropped",
    type: "gauge",
    help: "Series of a detail view left out because of --collector.details.max-series.",
    labelNames: ["view"],
    fill: fromDetails((emit, d) => {
      for (const [view, n] of Object.entries(d.dropped)) emit({ view }, n);
    }),
  },
];
