import type { Config } from "@nineproxy/api-types";
import { portCount } from "./port-count.js";

/** Configs and the ports they hold, for one value of a dimension. */
export interface Tally {
  /** Configs with this value, consistent or not. */
  configs: number;
  /** Sum of `end_port − start_port + 1` over the configs whose range is consistent. */
  ports: number;
}

/** Label of configs that do not target a country (or state, city, ISP): `country_code` absent. */
export const ANY = "any";
/** Label of a config whose integer field (`proxy_type`, `server_id`) is absent. */
export const UNKNOWN = "unknown";

/** A dimension's value as a label: the trimmed string, or `fallback` when absent or empty. */
export function codeKey(value: string | null | undefined, fallback = ANY): string {
  const trimmed = typeof value === "string" ? value.trim() : "";
  return trimmed === "" ? fallback : trimmed;
}

/** An integer field as a label: its decimal digits, or "unknown" when absent or not an integer. */
export function integerKey(value: number | undefined): string {
  return typeof value === "number" && Number.isInteger(value) ? String(value) : UNKNOWN;
}

/** Adds one config (with its port count, if consistent) to the tally under `key`. */
export function addTo(tallies: Map<string, Tally>, key: string, ports: number | undefined): void {
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = { configs: 0, ports: 0 };
    tallies.set(key, tally);
  }
  tally.configs += 1;
  tally.ports += ports ?? 0;
}

/**
 * Configs and ports grouped by any key (e.g. city, ISP), sorted by ports then configs, largest
 * first, so a caller can keep the top N of a high-cardinality dimension.
 */
export function tallyBy(
  configs: Iterable<Config>,
  key: (config: Config) => string,
): Array<[string, Tally]> {
  const tallies = new Map<string, Tally>();
  for (const config of configs) addTo(tallies, key(config), portCount(config));
  return [...tallies].sort(
    ([ka, a], [kb, b]) => b.ports - a.ports || b.configs - a.configs || (ka < kb ? -1 : 1),
  );
}
