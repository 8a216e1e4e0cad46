/**
 * `@nineproxy/client`: the one client of 9Proxy's Proxy Connect Config API. Typed errors that never
 * hold the key, retries that never apply a create or delete twice, time limits, fast pagination.
 */
export { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from "./backoff.js";
export {
  type ConfigsApi,
  createClient,
  type ListResult,
  type NineProxyClient,
} from "./client.js";
export {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidResponseError,
  NineProxyError,
  type Operation,
  OutcomeUnknownError,
  RateLimitError,
  RedirectError,
  RedirectLoopError,
  ServerError,
  TimeoutError,
  UnexpectedStatusError,
  VendorError,
} from "./errors.js";
export type { Hooks, Logger, RequestEvent, ResponseEvent, RetryEvent } from "./hooks.js";
export {
  type CallOptions,
  type ClientOptions,
  DEFAULTS,
  type PageOptions,
} from "./options.js";
export type { Page } from "./paginate.js";
export { REDACTED, Redactor, redactUrl } from "./redact.js";
export { isAllocating, verdict } from "./retry.js";
export type { RawClient } from "./transport.js";
