import { REDACTED } from "@nineproxy/client";
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";
import type { SecretScrubber } from "../redact.js";

/**
 * Bolt's logger interface on top of a pino logger (Bolt's chatter goes to debug). Every line is
 * scrubbed first: the bot's secrets, and what Bolt's debug lines quote from Slack that lets
 * someone act as the app or reply as it (in Socket Mode each envelope is logged whole): the
 * payload's verification `token`, `response_url`s, and the `ticket` of the WebSocket URL.
 */
export function boltLogger(logger: Logger, scrubber: SecretScrubber): BoltLogger {
  const log = logger.child({ component: "bolt" });
  const detail = (msg: unknown[]) => scrubBoltLine(msg.map(String).join(" "), scrubber);
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => log.debug({ detail: detail(msg) }, "bolt"),
    info: (...msg: unknown[]) => log.debug({ detail: detail(msg) }, "bolt"),
    warn: (...msg: unknown[]) => log.warn({ detail: detail(msg) }, "bolt"),
    error: (...msg: unknown[]) => log.error({ detail: detail(msg) }, "bolt"),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** What a Bolt log line may quote that must not reach the logs, by the key or URL part. */
const QUOTED = [
  // JSON as Bolt prints it: "token":"…", "response_url":"…" (and escaped, \"token\":\"…\")
  /(\\?"(?:token|response_url)\\?"\s*:\s*\\?")((?:[^"\\]|\\[^"])*)(\\?")/g,
  // the one-use ticket of a Socket Mode WebSocket URL
  /([?&]ticket=)([^&\s"\\]+)()/g,
];

/** Removes the bot's secrets and the quoted credentials above from one line. */
export function scrubBoltLine(line: string, scrubber: SecretScrubber): string {
  let out = scrubber.scrub(line);
  for (const pattern of QUOTED) out = out.replace(pattern, `$1${REDACTED}$3`);
  return out;
}
