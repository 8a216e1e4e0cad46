import type { Config } from "@nineproxy/api-types";

/** A config's port range, inclusive at both ends. */
export interface PortRange {
  start: number;
  end: number;
}

/** True for a value that can be a TCP port number (an integer from 0 to 65535). */
function isPort(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 65_535;
}

/** The config's port range, or undefined when a port is missing, not a port, or end < start. */
export function portRange(config: Config): PortRange | undefined {
  const { start_port: start, end_port: end } = config;
  if (!isPort(start) || !isPort(end) || end < start) return undefined;
  return { start, end };
}

/** Number of ports a config holds (`end_port − start_port + 1`), undefined when inconsistent. */
export function portCount(config: Config): number | undefined {
  const range = portRange(config);
  return range === undefined ? undefined : range.end - range.start + 1;
}

/** Why a config's ports cannot be counted, or undefined when they can. */
export function rangeProblem(config: Config): "missingPorts" | "endBeforeStart" | undefined {
  const { start_port: start, end_port: end } = config;
  if (!isPort(start) || !isPort(end)) return "missingPorts";
  return end < start ? "endBeforeStart" : undefined;
}
