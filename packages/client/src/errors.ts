/** The four operations of the Proxy Connect Config API, as named in events and errors. */
export type Operation = "list" | "create" | "update" | "delete";

/** What every client error is built from; all strings must already be scrubbed of the key. */
export interface ErrorDetails {
  operation: Operation;
  method: string;
  /** The API path, without query string, so never the key. */
  path: string;
  attempts: number;
  status?: number | undefined;
  vendorMessage?: string | undefined;
  errors?: string[] | undefined;
  cause?: unknown;
}

/** Base of every error the client throws. It never holds the API key, whatever is printed. */
export class NineProxyError extends Error {
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  /** HTTP method of the call. */
  readonly method: string;
  /** API path of the call (no query string). */
  readonly path: string;
  /** The vendor's `message`, when the answer had one. */
  readonly vendorMessage: string | undefined;
  /** The vendor's `errors[]` (one entry per bad field on a 400). */
  readonly errors: string[];
  /** How many attempts were made before giving up. */
  readonly attempts: number;
  /** Which operation failed. */
  readonly operation: Operation;

  constructor(message: string, details: ErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.vendorMessage = details.vendorMessage;
    this.errors = details.errors ?? [];
    this.attempts = details.attempts;
    this.operation = details.operation;
  }

  /** A plain object for `JSON.stringify` and structured logs (cause reduced to name+message). */
  toJSON(): Record<string, unknown> {
    const cause =
      this.cause instanceof Error ? `${this.cause.name}: ${this.cause.message}` : undefined;
    return { ...(this as object), name: this.name, message: this.message, cause };
  }
}

/** The vendor rejected the request (400); `errors` names each bad field. */
export class BadRequestError extends NineProxyError {}

/** The API key is missing, unknown or not allowed (401/403). */
export class AuthenticationError extends NineProxyError {}

/** The vendor asked us to slow down (429); `retryAfterMs` is the wait it asked for, if any. */
export class RateLimitError extends NineProxyError {
  /** The wait the vendor asked for in `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number | undefined }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The vendor failed (5xx). */
export class ServerError extends NineProxyError {}

/** An HTTP status the API does not document and the client has no rule for (e.g. 404). */
export class UnexpectedStatusError extends NineProxyError {}

/** The connection failed (refused, reset, name not resolved); `code` is the system code. */
export class ConnectionError extends NineProxyError {
  /** System or undici error code, e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`. */
  readonly code: string | undefined;

  constructor(message: string, details: ErrorDetails & { code?: string | undefined }) {
    super(message, details);
    this.code = details.code;
  }
}

/** An attempt outlived `timeoutMs`, or the call outlived `deadlineMs`. */
export class TimeoutError extends NineProxyError {
  /** Which limit ran out: one attempt's `timeoutMs` or the call's `deadlineMs`. */
  readonly limit: "attempt" | "deadline";
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(
    message: string,
    details: ErrorDetails & { limit: "attempt" | "deadline"; timeoutMs: number },
  ) {
    super(message, details);
    this.limit = details.limit;
    this.timeoutMs = details.timeoutMs;
  }
}

/** The caller's `AbortSignal` fired. A create/delete in flight may or may not have applied. */
export class AbortedError extends NineProxyError {}

/**
 * A create or delete may or may not have been applied (timeout or reset after sending, a 5xx).
 * It is never retried: list the configs to see whether it took effect before sending it again.
 */
export class OutcomeUnknownError extends NineProxyError {}

/** The answer was not the documented JSON envelope (non-JSON, an HTML page, wrong shape). */
export class InvalidResponseError extends NineProxyError {
  /** The start of the body (at most 200 characters, scrubbed), to tell what answered. */
  readonly bodySnippet: string | undefined;

  constructor(message: string, details: ErrorDetails & { bodySnippet?: string | undefined }) {
    super(message, details);
    this.bodySnippet = details.bodySnippet;
  }
}

/** The vendor answered with a redirect; it is never followed, because the key would travel. */
export class RedirectError extends NineProxyError {
  /** The `Location` header, with any key redacted. */
  readonly location: string | undefined;

  constructor(message: string, details: ErrorDetails & { location?: string | undefined }) {
    super(message, details);
    this.location = details.location;
  }
}

/** The vendor redirected to the very URL requested: following it would loop forever. */
export class RedirectLoopError extends RedirectError {}

/** The vendor answered 2xx with `success: false`. */
export class VendorError extends NineProxyError {}
