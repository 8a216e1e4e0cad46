import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidResponseError,
  NineProxyError,
  OutcomeUnknownError,
  RateLimitError,
  RedirectError,
  ServerError,
  TimeoutError,
  UnexpectedStatusError,
  VendorError,
} from "@nineproxy/client";
import { escapeMrkdwn } from "../slack/message.js";

/** Whether an error says a create/delete may or may not have been applied. */
export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof OutcomeUnknownError || error instanceof AbortedError;
}

/** The class name of an error, for audit details (never its message). */
export function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : "UnknownError";
}

/** The reply to anything that is not a client error: the cause stays in the bot. */
const BOT_SIDE =
  "Something went wrong on the bot's side. Tell an admin; nothing was shown of the cause.";

/** What to tell the user when a call to 9Proxy failed: what happened and what to do next. */
export function apiErrorText(error: unknown): string {
  if (!(error instanceof NineProxyError)) return BOT_SIDE;
  if (error instanceof BadRequestError || error instanceof VendorError) {
    const said = vendorSaid(error) || " It gave no reason.";
    return `9Proxy refused the request.${said} Check the values and try again.`;
  }
  if (error instanceof AuthenticationError) {
    return "9Proxy refused the bot's API key. An admin must check NINEPROXY_API_KEY.";
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs
      ? ` in ${Math.ceil(error.retryAfterMs / 1000)} s`
      : " in a minute";
    return `9Proxy is rate limiting the bot. Try again${wait}.`;
  }
  if (error instanceof TimeoutError) return "9Proxy did not answer in time. Try again in a minute.";
  if (error instanceof ConnectionError) {
    return "The bot could not reach 9Proxy. Try again in a minute; if it persists, tell an admin.";
  }
  if (error instanceof ServerError) {
    return `9Proxy had an internal error (${error.status ?? "5xx"}). Try again in a minute.`;
  }
  // note: RedirectLoopError extends RedirectError
  if (error instanceof RedirectError) {
    return "9Proxy answered with a redirect the bot will not follow. Tell an admin.";
  }
  if (error instanceof InvalidResponseError || error instanceof UnexpectedStatusError) {
    return "9Proxy gave an answer the bot does not understand. Tell an admin.";
  }
  return BOT_SIDE;
}

/** What 9Proxy said, escaped and ended with a full stop; empty when it said nothing. */
function vendorSaid(error: NineProxyError): string {
  const vendor = [error.vendorMessage, ...error.errors]
    .filter((s): s is string => typeof s === "string" && s !== "")
    .map((s) => escapeMrkdwn(s.slice(0, 300)));
  // note: the vendor's text rarely ends a sentence; end it here so the advice reads apart
  return vendor.length > 0 ? ` 9Proxy said: ${vendor.join("; ").replace(/[.\s]*$/, ".")}` : "";
}
