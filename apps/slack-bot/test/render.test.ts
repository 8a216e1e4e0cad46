import type { Config } from "@nineproxy/api-types";
import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidResponseError,
  OutcomeUnknownError,
  RateLimitError,
  RedirectLoopError,
  ServerError,
  TimeoutError,
  UnexpectedStatusError,
  VendorError,
} from "@nineproxy/client";
import { summarize } from "@nineproxy/usage";
import { describe, expect, it } from "vitest";
import { apiErrorText, isOutcomeUnknown } from "../src/render/api-error.js";
import { listMessage } from "../src/render/list.js";
import { parseErrorMessage } from "../src/render/parse-error.js";
import { usageMessage } from "../src/render/usage.js";

/** What every client error carries about its call. */
const CALL: ConstructorParameters<typeof BadRequestError>[1] = {
  operation: "list",
  method: "GET",
  path: "/v1/configs",
  attempts: 1,
};

const config = (c: Partial<Config>): Config => ({ server_id: 1, session_time: "0", ...c });

describe("usageMessage", () => {
  it("says exactly which inconsistent configs add ports: overlapping ones count in full", () => {
    const summary = summarize([
      config({ start_port: 10000, end_port: 10009 }),
      config({ start_port: 10005, end_port: 10014 }),
      config({ start_port: 10030, end_port: 10020 }),
      config({ end_port: 10040 }),
    ]);
    // the shared code sums both overlapping ranges (20 ports), and nothing for the other two
    expect(summary.allocatedPorts).toBe(20);
    const message = usageMessage(summary);
    const json = JSON.stringify(message);
    expect(json).not.toContain("their ports are not counted");
    expect(json).toContain(
      "⚠ Inconsistent configs: 1 with end before start and 1 with missing ports add no ports; " +
        "2 overlapping are counted in full, so ports they share count more than once.",
    );
  });

  it("writes one config as singular", () => {
    const json = JSON.stringify(usageMessage(summarize([config({ start_port: 1, end_port: 1 })])));
    expect(json).toContain("1 port in 1 config");
    expect(json).toContain("1 port (1 config)");
    expect(json).not.toMatch(/\b1 (ports|configs)\b/);
  });
});

describe("listMessage", () => {
  it("says a page past the end in singular when there is one page", () => {
    const page = { items: [], total_items: 3, total_pages: 1 };
    const message = listMessage({ name: "list", page: 2, country: "US" }, page, "/proxy");
    expect(message.text).toBe("Page 2 is past the end: there is 1 page in US.");
  });
});

describe("apiErrorText", () => {
  it("ends what 9Proxy said with a full stop before the advice", () => {
    const error = new VendorError("x", {
      ...CALL,
      vendorMessage: "Request failed",
      errors: ["injected fault"],
    });
    expect(apiErrorText(error)).toBe(
      "9Proxy refused the request. 9Proxy said: Request failed; injected fault. " +
        "Check the values and try again.",
    );
  });
});

describe("apiErrorText by error class", () => {
  it.each([
    [new BadRequestError("x", CALL), /^9Proxy refused the request\. It gave no reason\./],
    [new AuthenticationError("x", CALL), /NINEPROXY_API_KEY/],
    [new RateLimitError("x", { ...CALL, retryAfterMs: 2500 }), /Try again in 3 s\.$/],
    [new TimeoutError("x", { ...CALL, limit: "attempt", timeoutMs: 1 }), /did not answer in time/],
    [new ConnectionError("x", CALL), /could not reach 9Proxy/],
    [new ServerError("x", { ...CALL, status: 502 }), /internal error \(502\)/],
    [new RedirectLoopError("x", CALL), /redirect the bot will not follow/],
    [new InvalidResponseError("x", CALL), /does not understand/],
    [new UnexpectedStatusError("x", CALL), /does not understand/],
    // a lookalike is not a client error: its fields are not shown
    [Object.assign(new Error("x"), { name: "VendorError", vendorMessage: "hi" }), /bot's side/],
    ["thrown string", /bot's side/],
  ])("answers %s with what to do next", (error, expected) => {
    expect(apiErrorText(error)).toMatch(expected);
  });

  it("treats only OutcomeUnknownError and AbortedError as a write that may have applied", () => {
    expect(isOutcomeUnknown(new OutcomeUnknownError("x", CALL))).toBe(true);
    expect(isOutcomeUnknown(new AbortedError("x", CALL))).toBe(true);
    expect(
      isOutcomeUnknown(new TimeoutError("x", { ...CALL, limit: "attempt", timeoutMs: 1 })),
    ).toBe(false);
    expect(isOutcomeUnknown(Object.assign(new Error("x"), { name: "AbortedError" }))).toBe(false);
  });
});

describe("parseErrorMessage", () => {
  it("escapes the user's text in the fallback too, so it cannot form a link or a mention", () => {
    const message = parseErrorMessage({
      message: "Unknown command `<!channel>`.",
      token: "<!channel>",
      usage: "/proxy help",
    });
    expect(message.text).not.toContain("<");
    expect(message.text).toContain("&lt;!channel&gt;");
  });
});
