import { SandboxOptionError } from "./errors.js";
import type { Fault } from "./fault.js";
import type { ServerPorts } from "./port-pool.js";

/** A pino-compatible logger; the sandbox writes one `info` line per request. */
export interface SandboxLogger {
  info(fields: object, msg: string): void;
}

/** How to start a sandbox. Every field but `apiKeys` has a default. */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on; default "127.0.0.1". */
  host?: string;
  /** One account per key, each with its own user_id, configs and port pool. */
  apiKeys: string[];
  /** The port pool every account gets; default `DEFAULT_SERVERS`. */
  servers?: ServerPorts[];
  /** Largest `quantity` a create accepts; default 1000. */
  maxQuantity?: number;
  /** Largest `limit` a list accepts; default 100. */
  maxLimit?: number;
  /** Clock in milliseconds; default `Date.now`. */
  now?: () => number;
  /** Where request lines go; default nowhere. */
  logger?: SandboxLogger;
  /** Faults active from the start. */
  faults?: Fault[];
}

/** Default pool (assumed): two gateway servers, 55,000 ports in all, so 50,000 configs fit. */
export const DEFAULT_SERVERS: readonly ServerPorts[] = [
  { id: 1, firstPort: 10000, lastPort: 39999 },
  { id: 2, firstPort: 40000, lastPort: 64999 },
];

/** Options with defaults filled in, after checking them. */
export type ResolvedOptions = Required<Omit<SandboxOptions, "logger" | "faults">> &
  Pick<SandboxOptions, "logger" | "faults">;

/** Fills in defaults; throws a SandboxOptionError naming the option and the fix when one is wrong. */
export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    apiKeys: options.apiKeys,
    servers: options.servers ?? DEFAULT_SERVERS.map((s) => ({ ...s })),
    maxQuantity: options.maxQuantity ?? 1000,
    maxLimit: options.maxLimit ?? 100,
    now: options.now ?? Date.now,
    logger: options.logger,
    faults: options.faults,
  };
  const problem = optionsProblem(resolved);
  if (problem !== undefined) throw new SandboxOptionError(`startSandbox: ${problem}`);
  return resolved;
}

function optionsProblem(o: ResolvedOptions): string | undefined {
  if (!Array.isArray(o.apiKeys) || o.apiKeys.length === 0) {
    return "apiKeys must name at least one key (one account per key)";
  }
  if (o.apiKeys.some((key) => typeof key !== "string" || key === "")) {
    return "apiKeys must be non-empty strings";
  }
  if (new Set(o.apiKeys).size !== o.apiKeys.length) return "apiKeys must not repeat a key";
  if (!isInt(o.port, 0, 65535)) return "port must be an integer 0-65535 (0 picks a free one)";
  if (!isInt(o.maxQuantity, 1)) return "maxQuantity must be an integer ≥ 1";
  if (!isInt(o.maxLimit, 1)) return "maxLimit must be an integer ≥ 1";
  return serversProblem(o.servers);
}

function serversProblem(servers: ServerPorts[]): string | undefined {
  if (servers.length === 0) return "servers must hold at least one server";
  const sorted = [...servers].sort((a, b) => a.firstPort - b.firstPort);
  for (const [i, s] of sorted.entries()) {
    if (
      !isInt(s.id, 0) ||
      !isInt(s.firstPort, 1, 65535) ||
      !isInt(s.lastPort, s.firstPort, 65535)
    ) {
      return `server ${s.id} needs an integer id and 1 ≤ firstPort ≤ lastPort ≤ 65535`;
    }
    // note: update and delete find a config by start_port alone: ports are unique per account
    const prev = sorted[i - 1];
    if (prev && prev.lastPort >= s.firstPort) {
      return `servers ${prev.id} and ${s.id} share ports: give each server its own port range`;
    }
  }
  return undefined;
}

function isInt(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}
