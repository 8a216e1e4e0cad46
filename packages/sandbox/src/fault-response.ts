import { STATUS_CODES } from "node:http";
import type { Fault } from "./fault.js";
import { fail, type Reply } from "./reply.js";

const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>" +
  "<body><h1>502 Bad Gateway</h1><hr><center>edge</center></body></html>";

/** The answer a fault gives in place of the real one (for the kinds that answer at all). */
export function faultReply(fault: Fault, requestUrl: string, nowMs: number): Reply | undefined {
  switch (fault.kind) {
    case "status": {
      const reply = fail(fault.status, STATUS_CODES[fault.status] ?? "Error", ["injected fault"]);
      if (fault.retryAfter !== undefined) {
        reply.headers = { "retry-after": retryAfter(fault.retryAfter, fault.retryAfterAs, nowMs) };
      }
      return reply;
    }
    case "success-false":
      // note: 200 and the vendor's envelope, but a failure: the client must not trust the status
      return fail(200, fault.message ?? "Request failed", ["injected fault"]);
    case "redirect-self":
      // the Location is the request's own URL, as the vendor's edge has been seen to answer
      return { status: fault.status ?? 308, body: "", headers: { location: requestUrl } };
    case "non-json":
      return { status: fault.status ?? 200, body: "upstream said: OK (not JSON)" };
    case "html":
      return {
        status: fault.status ?? 200,
        body: HTML_PAGE,
        headers: { "content-type": "text/html; charset=utf-8" },
      };
    default:
      return undefined;
  }
}

// `Retry-After` in whole seconds, or as an HTTP date that many seconds from now
function retryAfter(seconds: number, as: "seconds" | "date" | undefined, nowMs: number): string {
  return as === "date" ? new Date(nowMs + seconds * 1000).toUTCString() : String(seconds);
}
