import type { Config } from "@nineproxy/api-types";
import { countOverlapping } from "./overlap.js";
import { type PortRange, portRange, rangeProblem } from "./port-count.js";
import { SESSION_MODES, type SessionMode, sessionMode } from "./session-mode.js";
import { addTo, codeKey, integerKey, type Tally } from "./tally.js";

/** Usage of one gateway server: its configs, their ports, and the span of ports they cover. */
export interface ServerUsage extends Tally {
  /** Lowest `start_port` of a consistent config on this server; undefined when there is none. */
  lowestStartPort?: number;
  /** Highest `end_port` of a consistent config on this server; undefined when there is none. */
  highestEndPort?: number;
}

/** Configs whose data cannot be trusted, counted rather than silently summed. */
export interface Inconsistencies {
  /** Configs with `end_port` below `start_port` (their ports are not counted). */
  endBeforeStart: number;
  /** Configs sharing at least one port with another config on the same server. */
  overlapping: number;
  /** Configs without a usable `start_port` or `end_port` (their ports are not counted). */
  missingPorts: number;
}

/** The port usage of one account, computed from all of its configs. */
export interface UsageSummary {
  /** Number of configs, consistent or not. */
  configs: number;
  /** Sum of `end_port − start_port + 1` over the configs whose range is consistent. */
  allocatedPorts: number;
  /** By `country_code`; "any" for configs that target no country. */
  byCountry: Record<string, Tally>;
  /** By session mode; every mode is present, zero when unused. */
  bySessionMode: Record<SessionMode, Tally>;
  /** By `proxy_type` (an opaque integer, as a string); "unknown" when absent. */
  byProxyType: Record<string, Tally>;
  /** By `server_id` (as a string); "unknown" when absent. */
  byServer: Record<string, ServerUsage>;
  /** Newest `updated_at` (unix seconds); undefined when no config has one. */
  newestUpdatedAt?: number;
  /** Configs whose data is inconsistent, by reason. */
  inconsistent: Inconsistencies;
}

/**
 * Summarizes an account's configs in one pass (plus one sort per server for overlaps).
 * Works on any iterable, so a caller can feed it straight from a paginating iterator.
 */
export function summarize(configs: Iterable<Config>): UsageSummary {
  const byCountry = new Map<string, Tally>();
  const byProxyType = new Map<string, Tally>();
  const byServer = new Map<string, ServerUsage>();
  const rangesByServer = new Map<string, PortRange[]>();
  const bySessionMode = Object.fromEntries(
    SESSION_MODES.map((mode) => [mode, { configs: 0, ports: 0 }]),
  ) as Record<SessionMode, Tally>;
  const inconsistent: Inconsistencies = { endBeforeStart: 0, overlapping: 0, missingPorts: 0 };
  let count = 0;
  let allocatedPorts = 0;
  let newestUpdatedAt: number | undefined;

  for (const config of configs) {
    count += 1;
    const range = portRange(config);
    const ports = range === undefined ? undefined : range.end - range.start + 1;
    allocatedPorts += ports ?? 0;

    const problem = rangeProblem(config);
    if (problem !== undefined) inconsistent[problem] += 1;

    addTo(byCountry, codeKey(config.country_code), ports);
    addTo(byProxyType, integerKey(config.proxy_type), ports);
    const mode = bySessionMode[sessionMode(config)];
    mode.configs += 1;
    mode.ports += ports ?? 0;

    // per server: tally, span, and the ranges kept for the overlap sweep
    const server = integerKey(config.server_id);
    addTo(byServer, server, ports);
    if (range !== undefined) {
      const usage = byServer.get(server) as ServerUsage;
      usage.lowestStartPort = Math.min(usage.lowestStartPort ?? range.start, range.start);
      usage.highestEndPort = Math.max(usage.highestEndPort ?? range.end, range.end);
      const ranges = rangesByServer.get(server) ?? [];
      ranges.push(range);
      rangesByServer.set(server, ranges);
    }

    const updated = config.updated_at;
    if (typeof updated === "number" && Number.isFinite(updated)) {
      newestUpdatedAt = Math.max(newestUpdatedAt ?? updated, updated);
    }
  }

  for (const ranges of rangesByServer.values())
    inconsistent.overlapping += countOverlapping(ranges);

  return {
    configs: count,
    allocatedPorts,
    byCountry: Object.fromEntries(byCountry),
    bySessionMode,
    byProxyType: Object.fromEntries(byProxyType),
    byServer: Object.fromEntries(byServer),
    ...(newestUpdatedAt === undefined ? {} : { newestUpdatedAt }),
    inconsistent,
  };
}
