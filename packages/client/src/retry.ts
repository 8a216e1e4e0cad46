import type { Operation } from "./errors.js";

/**
 * What went wrong in one attempt, as far as the retry policy cares:
 * - `not-sent`: the connection was refused or the name did not resolve; nothing reached the vendor;
 * - `network`: the connection broke once made (reset, closed): the request may have arrived;
 * - `timeout`: the attempt's `timeoutMs` ran out while the request was in flight;
 * - `status`: the vendor answered this HTTP status (4xx, 5xx);
 * - `invalid`: a 2xx whose body is not the documented envelope;
 * - `final`: what no retry can change (`success:false`, a redirect, a failed TLS check).
 */
export type Failure =
  | { kind: "not-sent" | "network" | "timeout" | "invalid" | "final" }
  | { kind: "status"; status: number };

/** What the client does after a failed attempt. */
export type Verdict = "retry" | "fail" | "outcome-unknown";

/** `create` and `delete` allocate or free ports: they must never be applied twice. */
export function isAllocating(operation: Operation): boolean {
  return operation === "create" || operation === "delete";
}

/**
 * The retry policy. Reads and `update` (idempotent, keyed by `start_port`) retry on connection
 * failures, timeouts, 408, 429 and 5xx. `create` and `delete` retry only when the vendor provably
 * did not process them (refused connection, unresolved name, 429, 503); when they may have
 * been applied (reset or timeout after sending, any other 5xx, 408, a garbled 2xx) the outcome
 * is unknown.
 */
export function verdict(operation: Operation, failure: Failure): Verdict {
  if (failure.kind === "not-sent") return "retry";
  if (failure.kind === "final") return "fail";
  if (!isAllocating(operation)) {
    if (failure.kind === "invalid") return "fail";
    if (failure.kind !== "status") return "retry";
    return isRetryableStatus(failure.status) ? "retry" : "fail";
  }
  if (failure.kind !== "status") return "outcome-unknown";
  if (failure.status === 429 || failure.status === 503) return "retry";
  if (failure.status === 408 || failure.status >= 500) return "outcome-unknown";
  return "fail";
}

/** Statuses a read or an update retries on. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

// TODO: a dispatcher that is closed, or a proxy refusing the tunnel (407), fails before sending
// with codes also seen after it (UND_ERR_DESTROYED, UND_ERR_ABORTED), so writes read as unknown
/** System error codes that prove the request never left: nothing was connected or resolved. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
