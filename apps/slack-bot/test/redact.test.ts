import { describe, expect, it } from "vitest";
import { botSecrets, SecretScrubber } from "../src/redact.js";
import { ephemeral, section } from "../src/slack/message.js";

const SECRET = "s3cr3t key/+&=";

describe("SecretScrubber", () => {
  const scrubber = new SecretScrubber([SECRET, "tok-123", ""]);

  it.each([
    ["raw", `a ${SECRET} b`, "a [REDACTED] b"],
    ["URL-encoded", `a ${encodeURIComponent(SECRET)} b`, "a [REDACTED] b"],
    [
      "form-encoded",
      `a ${new URLSearchParams({ k: SECRET }).toString().slice(2)} b`,
      "a [REDACTED] b",
    ],
    [
      "an api-key= value",
      "GET /v1/configs?api-key=other&page=2",
      "GET /v1/configs?api-key=[REDACTED]&page=2",
    ],
    ["a short secret", "x tok-123 y", "x [REDACTED] y"],
  ])("removes a secret spelled %s from text", (_, text, expected) => {
    expect(scrubber.scrub(text)).toBe(expected);
  });

  it("scrubs a secret that holds another one whole", () => {
    const nested = new SecretScrubber(["abcd", "xoxb-abcd-long"]);
    expect(nested.scrub("t=xoxb-abcd-long")).toBe("t=[REDACTED]");
  });

  it("removes every secret from a message's text and blocks, even JSON-escaped ones", () => {
    const json = new SecretScrubber(['k3y"x\\', "tok-123"]);
    const out = json.value(ephemeral('a k3y"x\\ b', [section("tok-123 here")]));
    expect(JSON.stringify(out)).not.toMatch(/k3y|tok-123/);
    expect(out.text).toBe("a [REDACTED] b");
  });
});

describe("botSecrets", () => {
  it("lists every secret given and leaves out the missing ones", () => {
    const held = { signingSecret: "sig", botToken: "xoxb-1", appToken: undefined, apiKey: "key" };
    expect(botSecrets(held)).toEqual(["sig", "xoxb-1", "key"]);
  });
});
