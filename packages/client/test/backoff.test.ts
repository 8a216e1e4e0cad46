import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from "../src/backoff.js";

const options = { baseMs: 100, capMs: 1_000 };

describe("backoffDelay (full jitter)", () => {
  it.each([
    { retry: 1, random: 0.5, expected: 50 },
    { retry: 2, random: 0.5, expected: 100 },
    { retry: 3, random: 0.5, expected: 200 },
    { retry: 4, random: 0.999, expected: 799 },
    { retry: 5, random: 0.999, expected: 999 },
    { retry: 30, random: 0.5, expected: 500 },
  ])("waits random × min(cap, base·2^(retry−1)): retry $retry, random $random", (c) => {
    expect(backoffDelay(c.retry, options, () => c.random)).toBe(c.expected);
  });

  it("can wait nothing at all when the draw is 0 (that is full jitter)", () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
  });

  it("never reaches the cap, whatever the retry number", () => {
    for (let retry = 1; retry < 64; retry++) {
      expect(backoffDelay(retry, DEFAULT_BACKOFF, () => 0.999_999)).toBeLessThan(
        DEFAULT_BACKOFF.capMs,
      );
    }
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);

  it.each([
    { header: "0", expected: 0 },
    { header: "7", expected: 7_000 },
    { header: " 120 ", expected: 120_000 },
    { header: "Thu, 01 Jan 2026 12:00:30 GMT", expected: 30_000 },
    { header: "Thu, 01 Jan 2026 11:59:00 GMT", expected: 0 },
    { header: "soon", expected: undefined },
    { header: "-5", expected: undefined },
    { header: "1.5", expected: undefined },
    { header: null, expected: undefined },
  ])("reads $header as $expected ms", ({ header, expected }) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it("measures an HTTP date against the injected clock, not the machine's", () => {
    const header = new Date(now + 5_000).toUTCString();
    expect(parseRetryAfter(header, now)).toBe(5_000);
    expect(parseRetryAfter(header, now + 4_000)).toBe(1_000);
  });
});
