/**
 * Port-usage arithmetic over 9Proxy connection configs: pure functions, no I/O.
 * Shared by the Prometheus exporter and the Slack bot.
 */
export { countOverlapping } from "./overlap.js";
export { shareInUse } from "./pool.js";
export { type PortRange, portCount, portRange, rangeProblem } from "./port-count.js";
export { SESSION_MODES, type SessionMode, sessionMode } from "./session-mode.js";
export {
  type Inconsistencies,
  type ServerUsage,
  summarize,
  type UsageSummary,
} from "./summarize.js";
export { ANY, addTo, codeKey, integerKey, type Tally, tallyBy, UNKNOWN } from "./tally.js";
