import { describe, expect, it } from "vitest";
import { redactUrl } from "../src/redact.js";

describe("redactUrl", () => {
  it.each([
    ["/x?api-key=secret", "/x?api-key=[REDACTED]"],
    ["/x?limit=1&api-key=secret&page=2", "/x?limit=1&api-key=[REDACTED]&page=2"],
    ["/x?API-KEY=secret#frag", "/x?API-KEY=[REDACTED]#frag"],
    ["/x?api%2Dkey=secret", "/x?api%2Dkey=[REDACTED]"],
    ["/x?api-key=a&api-key=b", "/x?api-key=[REDACTED]&api-key=[REDACTED]"],
    ["/x?my-api-key=kept", "/x?my-api-key=kept"],
    ["/x", "/x"],
    // the server decodes parameter names, so an encoded name is still the key
    ["/x?%61pi-key=secret&page=2", "/x?%61pi-key=[REDACTED]&page=2"],
    ["/x?api-k%65y=secret", "/x?api-k%65y=[REDACTED]"],
    ["/x?%41PI%2D%4B%45%59=secret", "/x?%41PI%2D%4B%45%59=[REDACTED]"],
    ["/x?api-key", "/x?api-key"],
    ["/x?limit=1#api-key=secret", "/x?limit=1#api-key=[REDACTED]"],
    ["/x?bad%zzname=kept&api-key=secret", "/x?bad%zzname=kept&api-key=[REDACTED]"],
  ])("turns %s into %s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
