import { escapeMrkdwn } from "../slack/message.js";

/** Fields of `@nineproxy/client`'s errors the bot reads (duck-typed by `name`). */
interface ClientErrorLike {
  name: string;
  status?: number;
  vendorMessage?: string;
  errors?: string[];
  retryAfterMs?: number;
}

/** Name of the client's error class for "a write may or may not have been applied". */
export const OUTCOME_UNKNOWN = "OutcomeUnknownError";

/** Whether an error says a create/delete may or may not have been applied. */
export function isOutcomeUnknown(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === OUTCOME_UNKNOWN || error.name === "AbortedError")
  );
}

/** The class name of an error, for audit details (never its message). */
export function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : "UnknownError";
}

/** What to tell the user when a call to 9Proxy failed: what happened and what to do next. */
export function apiErrorText(error: unknown): string {
  const e = (error instanceof Error ? error : { name: "UnknownError" }) as ClientErrorLike;
  const vendor = [e.vendorMessage, ...(e.errors ?? [])]
    .filter((s): s is string => typeof s === "string" && s !== "")
    .map((s) => escapeMrkdwn(s.slice(0, 300)));
  // note: the vendor's text rarely ends a sentence; end it here so the advice reads apart
  const said =
    vendor.length > 0 ? ` 9Proxy said: ${vendor.join("; ").replace(/[.\s]*$/, ".")}` : "";
  switch (e.name) {
    case "BadRequestError":
    case "VendorError":
      return (
        `9Proxy refused the request.${said || " It gave no reason."} ` +
        "Check the values and try again."
      );
    case "AuthenticationError":
      return "9Proxy refused the bot's API key. An admin must check NINEPROXY_API_KEY.";
    case "RateLimitError": {
      const wait = e.retryAfterMs ? ` in ${Math.ceil(e.retryAfterMs / 1000)} s` : " in a minute";
      return `9Proxy is rate limiting the bot. Try again${wait}.`;
    }
    case "TimeoutError":
      return "9Proxy did not answer in time. Try again in a minute.";
    case "ConnectionError":
      return (
        "The bot could not reach 9Proxy. " + "Try again in a minute; if it persists, tell an admin."
      );
    case "ServerError":
      return `9Proxy had an internal error (${e.status ?? "5xx"}). Try again in a minute.`;
    case "RedirectError":
    case "RedirectLoopError":
      return "9Proxy answered with a redirect the bot will not follow. Tell an admin.";
    case "InvalidResponseError":
    case "UnexpectedStatusError":
      return "9Proxy gave an answer the bot does not understand. Tell an admin.";
    default:
      return (
        "Something went wrong on the bot's side. " +
        "Tell an admin; nothing was shown of the cause."
      );
  }
}
