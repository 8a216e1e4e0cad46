import type { Logger } from "pino";
import type { SecretScrubber } from "./redact.js";

/** One audit record: a command or a button click, what was asked and how it ended. */
export interface AuditEntry {
  kind: "command" | "action";
  team: string;
  channel: string;
  user: string;
  /** Subcommand or action, e.g. `create` or `delete.confirm`. */
  command: string;
  /** Parsed arguments (never the raw text, never a secret). */
  args?: unknown;
  result:
    | "ok"
    | "invalid"
    | "denied"
    | "failed"
    | "unknown-outcome"
    | "cancelled"
    | "noop"
    | "asked";
  durationMs: number;
  /** Short machine-readable detail, e.g. an error class. */
  detail?: string;
  /** Replies that did not reach the user (set only when some did not). */
  repliesFailed?: number;
}

/**
 * Writes one structured `audit` line at info level, scrubbed: the parsed arguments hold
 * the user's own words (a city, an ISP), which can be a secret pasted by mistake.
 */
export function audit(logger: Logger, entry: AuditEntry, scrubber: SecretScrubber): void {
  logger.info({ audit: scrubber.value(entry) }, "audit");
}
