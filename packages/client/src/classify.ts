import type { AbortCause } from "./abort.js";
import { parseRetryAfter } from "./backoff.js";
import { readEnvelope } from "./envelope.js";
import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  type ErrorDetails,
  InvalidResponseError,
  type NineProxyError,
  RateLimitError,
  RedirectError,
  RedirectLoopError,
  ServerError,
  TimeoutError,
  UnexpectedStatusError,
  VendorError,
} from "./errors.js";
import type { ResponseLike } from "./incoming-response.js";
import type { Redactor } from "./redact.js";
import { type Failure, isAllocating, NOT_SENT_CODES } from "./retry.js";

/** A failed attempt: the error to throw and what the retry policy needs to know. */
export interface AttemptFailure {
  error: NineProxyError;
  failure: Failure;
  /** The wait the vendor asked for in `Retry-After`, in ms. */
  retryAfterMs?: number | undefined;
}

/** What the classifier needs about the call. */
export interface AttemptContext {
  details: Omit<ErrorDetails, "status" | "cause">;
  redactor: Redactor;
  clock: () => number;
  timeoutMs: number;
  deadlineMs: number;
}

/**
 * The codes of a TLS handshake the client itself refused: the server's certificate is not trusted
 * or does not match, or the server does not speak TLS. Nothing was sent, and trying again would
 * fail the same way. Alerts the server sends (`ERR_SSL_…_ALERT_…`) are not among them: those can
 * be one node's passing fault, so they are treated like any broken connection.
 */
const TLS_REFUSED = new RegExp(
  [
    "^(?!.*ALERT).*CERT",
    "^UNABLE_TO_",
    "^(INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED|HOSTNAME_MISMATCH)$",
    "^ERR_SSL_WRONG_VERSION_NUMBER$",
  ].join("|"),
);

/** Turns what the transport threw into an error: aborted, timed out, or a connection failure. */
export function classifyThrown(
  thrown: unknown,
  cause: AbortCause | undefined,
  ctx: AttemptContext,
): AttemptFailure {
  const { details } = ctx;
  const label = `${details.method} ${details.path}`;
  if (cause === "caller") {
    const note = isAllocating(details.operation)
      ? ": it may or may not have been applied, list the configs to check"
      : "";
    const error = new AbortedError(`${label} was aborted by the caller${note}`, details);
    return { error, failure: { kind: "final" } };
  }
  if (cause === "attempt" || cause === "deadline") {
    const timeoutMs = cause === "attempt" ? ctx.timeoutMs : ctx.deadlineMs;
    const what = cause === "attempt" ? "attempt" : "call";
    const error = new TimeoutError(
      `${label} timed out: the ${what} took longer than ${timeoutMs} ms (raise ${cause === "attempt" ? "timeoutMs" : "deadlineMs"} if the API is slow)`,
      { ...details, limit: cause, timeoutMs },
    );
    return { error, failure: { kind: cause === "attempt" ? "timeout" : "final" } };
  }
  const code = errorCode(thrown);
  const safe = ctx.redactor.sanitize(thrown);
  const reason = code ?? (safe.cause instanceof Error ? safe.cause.message : safe.message);
  if (code !== undefined && TLS_REFUSED.test(code)) {
    // the handshake failed, so no request was sent; trying again would fail the same way
    const error = new ConnectionError(
      `${label} was not sent: the TLS check of the server failed (${code}): check baseUrl, ` +
        "or trust the server's CA (NODE_EXTRA_CA_CERTS, or a dispatcher that trusts it)",
      { ...details, code, cause: safe },
    );
    return { error, failure: { kind: "final" } };
  }
  const error = new ConnectionError(
    `${label} could not reach the API (${reason}): check baseUrl and the network`,
    { ...details, code, cause: safe },
  );
  const kind = code !== undefined && NOT_SENT_CODES.has(code) ? "not-sent" : "network";
  return { error, failure: { kind } };
}

/** Turns a response that is not a 2xx success envelope into the error it stands for. */
export function classifyResponse(
  response: ResponseLike,
  body: unknown,
  ctx: AttemptContext,
): AttemptFailure {
  const status = response.status;
  if (status >= 300 && status < 400) return redirect(response, ctx);
  const envelope = readEnvelope(body, response.headers.get("content-type"));
  const { details, redactor } = ctx;
  const label = `${details.method} ${details.path}`;
  const base = { ...details, status };
  const vendorMessage =
    envelope.kind === "failure" && envelope.message ? redactor.scrub(envelope.message) : undefined;
  const errors = envelope.kind === "failure" ? envelope.errors.map((e) => redactor.scrub(e)) : [];
  const said = vendorMessage ? `: ${vendorMessage}` : "";
  const listed = errors.length > 0 ? ` [${errors.join("; ")}]` : "";
  const withVendor = { ...base, vendorMessage, errors };

  if (status >= 200 && status < 300) {
    if (envelope.kind === "failure") {
      const error = new VendorError(
        `${label} failed: HTTP ${status} with success:false${said}${listed}`,
        withVendor,
      );
      return { error, failure: { kind: "final" } };
    }
    return invalid(envelope.kind === "invalid" ? envelope.why : "no envelope", body, ctx, status);
  }
  if (status === 400) {
    const error = new BadRequestError(
      `${label} was rejected (400)${said}${listed}: fix the request, it was not applied`,
      withVendor,
    );
    return { error, failure: { kind: "status", status } };
  }
  if (status === 401 || status === 403) {
    const error = new AuthenticationError(
      `${label} was refused (${status})${said}: check the API key (not shown) for this account`,
      withVendor,
    );
    return { error, failure: { kind: "status", status } };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), ctx.clock());
  const wait = retryAfterMs === undefined ? "" : `, Retry-After ${retryAfterMs} ms`;
  if (status === 429) {
    const error = new RateLimitError(
      `${label} was rate limited (429${wait})${said}: slow down, or raise maxRetryAfterMs`,
      { ...withVendor, retryAfterMs },
    );
    return { error, failure: { kind: "status", status }, retryAfterMs };
  }
  if (status >= 500) {
    const error = new ServerError(
      `${label} failed on the vendor's side (${status}${wait})${said}: try again later`,
      withVendor,
    );
    return { error, failure: { kind: "status", status }, retryAfterMs };
  }
  const error = new UnexpectedStatusError(
    `${label} got HTTP ${status}, which the API does not document${said}: check baseUrl`,
    withVendor,
  );
  return { error, failure: { kind: "status", status }, retryAfterMs };
}

function invalid(why: string, body: unknown, ctx: AttemptContext, status: number): AttemptFailure {
  const { details, redactor } = ctx;
  const text = typeof body === "string" ? body : JSON.stringify(body ?? null);
  const error = new InvalidResponseError(
    `${details.method} ${details.path} got ${why} instead of the API's JSON envelope (HTTP ${status}): check baseUrl points at the 9Proxy API`,
    // note: scrubbed whole, then cut: a key cut in two at the 200th character would not match
    { ...details, status, bodySnippet: redactor.scrub(text).slice(0, 200) },
  );
  return { error, failure: { kind: "invalid" } };
}

/** Checks a success `result` against the documented shape for the operation. */
export function invalidResult(why: string, result: unknown, ctx: AttemptContext): AttemptFailure {
  return invalid(why, { success: true, result }, ctx, 200);
}

function redirect(response: ResponseLike, ctx: AttemptContext): AttemptFailure {
  const { details, redactor } = ctx;
  const status = response.status;
  const header = response.headers.get("location");
  const location = header === null ? undefined : redactor.scrub(header);
  const label = `${details.method} ${details.path}`;
  const base = { ...details, status, location };
  if (header !== null && sameTarget(header, response.url)) {
    const error = new RedirectLoopError(
      `${label} was redirected (${status}) to the same URL, which would loop forever; the vendor's edge has been seen doing this from some networks: try from another network`,
      base,
    );
    return { error, failure: { kind: "final" } };
  }
  const error = new RedirectError(
    `${label} was redirected (${status}) to ${location ?? "nowhere"}; not followed, because the key would travel with it: set baseUrl to the new address if it is right`,
    base,
  );
  return { error, failure: { kind: "final" } };
}

/** Whether `location` (relative or absolute) names the same resource as `url`, key aside. */
export function sameTarget(location: string, url: string): boolean {
  try {
    const from = new URL(url);
    const to = new URL(location, from);
    for (const u of [from, to]) {
      u.searchParams.delete("api-key");
      u.searchParams.sort();
      u.hash = "";
    }
    return from.href === to.href;
  } catch {
    return false;
  }
}

/** The system or undici `code` of an error, looking through `cause` and AggregateError. */
export function errorCode(thrown: unknown, depth = 0): string | undefined {
  if (!(thrown instanceof Error) || depth > 4) return undefined;
  const code = (thrown as { code?: unknown }).code;
  if (typeof code === "string") return code;
  if (thrown instanceof AggregateError) {
    for (const inner of thrown.errors) {
      const found = errorCode(inner, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return errorCode(thrown.cause, depth + 1);
}
