import type { Logger } from "pino";
import type { SlackMessage } from "./message.js";

/** Slack accepts at most this many posts to one `response_url`. */
export const RESPONSE_URL_MAX_USES = 5;

/** Posts replies to one `response_url`, never more than 5 times, never to an unexpected host. */
export interface Responder {
  /** Posts a message; resolves false when it was not delivered (limit, host or HTTP failure). */
  send(message: SlackMessage): Promise<boolean>;
  /** How many posts were made. */
  readonly uses: number;
  /** How many messages were not delivered (refused, failed, over the limit, host not allowed). */
  readonly failed: number;
}

/** Options shared by every responder. */
export interface ResponderOptions {
  /** URL prefixes a `response_url` may start with. */
  allowedPrefixes: readonly string[];
  logger: Logger;
  fetch?: typeof fetch;
  /** Last pass over every outgoing message (removes secrets). */
  scrub: (message: SlackMessage) => SlackMessage;
  timeoutMs?: number;
}

/** Makes a responder for one `response_url`. */
export function createResponder(responseUrl: unknown, options: ResponderOptions): Responder {
  let uses = 0;
  let failed = 0;
  const doFetch = options.fetch ?? fetch;
  const url = typeof responseUrl === "string" ? responseUrl : "";
  const allowed = url !== "" && options.allowedPrefixes.some((prefix) => url.startsWith(prefix));
  return {
    get uses() {
      return uses;
    },
    get failed() {
      return failed;
    },
    async send(message) {
      const delivered = await post(message);
      if (!delivered) failed++;
      return delivered;
    },
  };

  async function post(message: SlackMessage): Promise<boolean> {
    if (!allowed) {
      options.logger.warn({ reason: "response_url not allowed" }, "reply dropped");
      return false;
    }
    if (uses >= RESPONSE_URL_MAX_USES) {
      options.logger.warn({ reason: "response_url used 5 times" }, "reply dropped");
      return false;
    }
    uses++;
    try {
      const response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(options.scrub(message)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) {
        options.logger.warn({ status: response.status }, "reply refused by Slack");
        return false;
      }
      return true;
    } catch (error) {
      options.logger.warn({ err: error instanceof Error ? error.name : "error" }, "reply failed");
      return false;
    }
  }
}
