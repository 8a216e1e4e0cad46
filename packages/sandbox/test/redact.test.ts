import { describe, expect, it } from "vitest";
import { redactUrl } from "../src/redact.js";

describe("redactUrl", () => {
  it.each([
    ["/x?api-key=secret", "/x?api-key=REDACTED"],
    ["/x?limit=1&api-key=secret&page=2", "/x?limit=1&api-key=REDACTED&page=2"],
    ["/x?API-KEY=secret#frag", "/x?API-KEY=REDACTED#frag"],
    ["/x?api%2Dkey=secret", "/x?api%2Dkey=REDACTED"],
    ["/x?api-key=a&api-key=b", "/x?api-key=REDACTED&api-key=REDACTED"],
    ["/x?my-api-key=kept", "/x?my-api-key=kept"],
    ["/x", "/x"],
  ])("turns %s into %s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
