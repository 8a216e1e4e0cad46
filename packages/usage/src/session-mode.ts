import type { Config } from "@nineproxy/api-types";

/** How a config keeps its exit IP: the same one for a while (sticky) or a new one per request. */
export type SessionMode = "sticky" | "rotating" | "unknown";

/** Every session mode, in a stable order (for zero-filled tallies and metric labels). */
export const SESSION_MODES: readonly SessionMode[] = ["sticky", "rotating", "unknown"];

/**
 * Session mode of a config: sticky when `is_keep` is 1, rotating when `is_random_ip` is 1, and
 * "unknown" when neither or both are set. Falls back to `session_type` (2 sticky, 1 rotating)
 * when a config carries it, although the documented Config does not.
 */
export function sessionMode(config: Config): SessionMode {
  const keep = config.is_keep === 1;
  const random = config.is_random_ip === 1;
  if (keep !== random) return keep ? "sticky" : "rotating";
  if (keep && random) return "unknown";

  // note: the Config schema has no session_type, but a create/update echo might
  const type = (config as { session_type?: unknown }).session_type;
  if (type === 2) return "sticky";
  if (type === 1) return "rotating";
  return "unknown";
}
