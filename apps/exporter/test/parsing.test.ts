import { describe, expect, it } from "vitest";
import { formatFor } from "../src/http/negotiate.js";
import { scrapeBudgetMs } from "../src/http/scrape-budget.js";
import { keyScrubber } from "../src/redact.js";
import { parseDuration } from "../src/settings/duration.js";
import { parseListenAddress } from "../src/settings/listen-address.js";
import { statusClass } from "../src/upstream/request-counts.js";
import { errorFields } from "../src/watch-account.js";

describe("parseDuration", () => {
  it.each([
    ["500ms", 500],
    ["60s", 60_000],
    ["1m30s", 90_000],
    ["2h", 7_200_000],
    ["1.5s", 1500],
    ["0s", 0],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseDuration("--x", text)).toBe(ms);
  });

  it.each(["60", "", "1d", "s", "-1s", "1 m"])("rejects %j", (text) => {
    expect(() => parseDuration("--x", text)).toThrow(`--x "${text}" is not a duration`);
  });
});

describe("parseListenAddress", () => {
  it.each([
    ["127.0.0.1:9731", "127.0.0.1", 9731],
    [":9731", undefined, 9731],
    ["[::1]:0", "::1", 0],
    ["localhost:80", "localhost", 80],
  ])("reads %s", (text, host, port) => {
    expect(parseListenAddress("--a", text)).toEqual({ host, port });
  });

  it.each(["9731", "127.0.0.1", "host:99999", "::1:80", "a:b"])("rejects %s", (text) => {
    expect(() => parseListenAddress("--a", text)).toThrow("is not host:port");
  });
});

describe("scrapeBudgetMs", () => {
  it.each<[string | undefined, number]>([
    [undefined, 10_000],
    ["10", 9_500],
    ["0.6", 300],
    ["abc", 10_000],
    ["-1", 10_000],
  ])("gives %s seconds a budget of %d ms", (header, ms) => {
    expect(scrapeBudgetMs(header, 10_000, 500)).toBe(ms);
  });
});

describe("formatFor", () => {
  it.each([
    [undefined, "prometheus"],
    ["text/plain;version=0.0.4", "prometheus"],
    ["application/openmetrics-text;version=1.0.0,text/plain;q=0.5", "openmetrics"],
  ])("serves %s as %s", (accept, format) => {
    expect(formatFor(accept)).toBe(format);
  });
});

describe("statusClass", () => {
  it.each([
    [200, "2xx"],
    [308, "3xx"],
    [403, "4xx"],
    [503, "5xx"],
    [undefined, "error"],
    [42, "error"],
  ] as const)("puts %s in %s", (status, cls) => {
    expect(statusClass(status)).toBe(cls);
  });
});

describe("keyScrubber", () => {
  const scrub = keyScrubber(["s3cret", "s3cret/long key", "other"]);

  it.each([
    [
      "any api-key= value, and each key",
      "GET /x?api-key=abc&page=2 failed for s3cret and API_KEY=zzz",
      "GET /x?api-key=[REDACTED]&page=2 failed for [REDACTED] and API_KEY=[REDACTED]",
    ],
    ["a key that contains another, whole", "key: s3cret/long key.", "key: [REDACTED]."],
    ["a key percent-encoded", "?k=s3cret%2Flong%20key&x", "?k=[REDACTED]&x"],
    ["a key form-encoded", "k=s3cret%2Flong+key", "k=[REDACTED]"],
    ["every account's key", "other then s3cret", "[REDACTED] then [REDACTED]"],
    ["an encoded parameter name", "?api%2Dkey=abc", "?api%2Dkey=[REDACTED]"],
    ["nothing else", "GET /metrics 200", "GET /metrics 200"],
  ])("removes %s", (_case, text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });
});

describe("errorFields", () => {
  it("logs the class, the status and the message without any key", () => {
    const error = Object.assign(new TypeError("GET /v1?api-key=s3cret for s3cret"), {
      status: 401,
    });
    expect(errorFields(error, keyScrubber(["s3cret"]))).toEqual({
      err: "TypeError",
      reason: "GET /v1?api-key=[REDACTED] for [REDACTED]",
      status: 401,
    });
  });

  it("logs only the type of a thrown non-error", () => {
    expect(errorFields("s3cret", keyScrubber(["s3cret"]))).toEqual({ err: "string" });
  });
});
