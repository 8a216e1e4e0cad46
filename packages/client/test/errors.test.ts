import { describe, expect, it } from "vitest";
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
  RedirectLoopError,
  ServerError,
  TimeoutError,
  UnexpectedStatusError,
  VendorError,
} from "../src/index.js";

const details = { operation: "list" as const, method: "GET", path: "/p", attempts: 2 };

describe("the error classes", () => {
  it.each([
    ["BadRequestError", new BadRequestError("m", details)],
    ["AuthenticationError", new AuthenticationError("m", details)],
    ["RateLimitError", new RateLimitError("m", { ...details, retryAfterMs: 5 })],
    ["ServerError", new ServerError("m", details)],
    ["UnexpectedStatusError", new UnexpectedStatusError("m", details)],
    ["ConnectionError", new ConnectionError("m", { ...details, code: "ECONNRESET" })],
    ["TimeoutError", new TimeoutError("m", { ...details, limit: "attempt", timeoutMs: 1 })],
    ["AbortedError", new AbortedError("m", details)],
    ["OutcomeUnknownError", new OutcomeUnknownError("m", details)],
    ["InvalidResponseError", new InvalidResponseError("m", details)],
    ["RedirectError", new RedirectError("m", details)],
    ["RedirectLoopError", new RedirectLoopError("m", details)],
    ["VendorError", new VendorError("m", details)],
  ])("%s is a NineProxyError named after its class", (name, error) => {
    expect(error).toBeInstanceOf(NineProxyError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error)).toBe(`${name}: m`);
    expect(error).toMatchObject({ method: "GET", path: "/p", attempts: 2, operation: "list" });
  });

  it("a redirect loop is also a redirect", () => {
    expect(new RedirectLoopError("m", details)).toBeInstanceOf(RedirectError);
  });

  it("serialises to JSON with its fields and its cause reduced to one line", () => {
    const cause = new Error("inner");
    const error = new ServerError("outer", { ...details, status: 502, cause });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ServerError",
      message: "outer",
      status: 502,
      method: "GET",
      path: "/p",
      errors: [],
      attempts: 2,
      operation: "list",
      cause: "Error: inner",
    });
    expect(error.cause).toBe(cause);
  });
});
