import type { Logger } from "pino";

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

/** Writes one structured `audit` line at info level. */
export function audit(logger: Logger, entry: AuditEntry): void {
  logger.info({ audit: entry }, "audit");
}
