import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
// imported as the apps import them: both are part of the public API
import { Redactor, redactUrl } from "../src/index.js";

describe("redactUrl", () => {
  it.each([
    ["http://h/p?api-key=abc", "http://h/p?api-key=[REDACTED]"],
    ["http://h/p?limit=1&api-key=abc&page=2", "http://h/p?limit=1&api-key=[REDACTED]&page=2"],
    ["/p?API-KEY=abc#x", "/p?API-KEY=[REDACTED]#x"],
    ["/p?api%2Dkey=abc", "/p?api%2Dkey=[REDACTED]"],
    ['<a href="/p?api-key=abc">', '<a href="/p?api-key=[REDACTED]">'],
    ["no key here", "no key here"],
  ])("redacts %s", (input, output) => {
    expect(redactUrl(input)).toBe(output);
  });
});

describe("Redactor", () => {
  const secret = "s3cr3t/key+with=chars";
  const redactor = new Redactor(secret);

  it("scrubs the key wherever it appears, raw or URL-encoded", () => {
    const text = `raw ${secret} enc ${encodeURIComponent(secret)} form ${new URLSearchParams({ a: secret })}`;
    const out = redactor.scrub(text);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain("s3cr3t");
  });

  it("copies a thrown error keeping only name, message, stack, code and a scrubbed cause chain", () => {
    const inner = Object.assign(new Error(`connect to /x?api-key=${secret}`), {
      code: "ECONNRESET",
      request: { url: `/x?api-key=${secret}` },
    });
    const outer = new TypeError("fetch failed", { cause: inner });
    const safe = redactor.sanitize(outer);
    expect(safe.name).toBe("TypeError");
    expect((safe.cause as Error & { code: string }).code).toBe("ECONNRESET");
    expect("request" in (safe.cause as object)).toBe(false);
    expect(inspect(safe, { depth: null, showHidden: true })).not.toContain("s3cr3t");
  });

  // a key the URL pattern stops short of (at a space, `&`, `#`, a quote) must still go whole
  it.each(["KEY with spaces", "KEY&page=2", "KEY#frag", 'KEY"quoted', "KÉY€/+=%20"])(
    "leaves no part of the key %j when it follows api-key= unencoded",
    (key) => {
      const out = new Redactor(key).scrub(
        `bad api-key=${key} (raw), api-key=${encodeURIComponent(key)}`,
      );
      expect(out).toBe("bad api-key=[REDACTED] (raw), api-key=[REDACTED]");
    },
  );

  it("shows nothing of the key when inspected", () => {
    expect(inspect(redactor, { showHidden: true, depth: Number.POSITIVE_INFINITY })).not.toContain(
      "s3cr3t",
    );
  });

  it("turns a thrown non-error into a scrubbed error", () => {
    expect(redactor.sanitize(`boom ${secret}`).message).toBe("boom [REDACTED]");
  });
});
