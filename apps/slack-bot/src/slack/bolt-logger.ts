import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

/** Bolt's logger interface on top of a pino logger (Bolt's chatter goes to debug). */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "bolt" });
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => log.debug({ detail: msg.map(String).join(" ") }, "bolt"),
    info: (...msg: unknown[]) => log.debug({ detail: msg.map(String).join(" ") }, "bolt"),
    warn: (...msg: unknown[]) => log.warn({ detail: msg.map(String).join(" ") }, "bolt"),
    error: (...msg: unknown[]) => log.error({ detail: msg.map(String).join(" ") }, "bolt"),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
