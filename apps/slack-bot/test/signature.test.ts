import { describe, expect, it } from "vitest";
import { signSlackRequest, verifySlackSignature } from "../src/slack/signature.js";

// Slack's worked example, docs.slack.dev/authentication/verifying-requests-from-slack
const DOC = {
  secret: "8f742231b10e8888abcd99yyyzzz85a5",
  timestamp: "1531420618",
  body:
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V" +
    "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=" +
    "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN" +
    "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
};
const at = (offsetSec: number) => (Number(DOC.timestamp) + offsetSec) * 1000;
const check = (over: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) =>
  verifySlackSignature({
    signingSecret: DOC.secret,
    timestamp: DOC.timestamp,
    signature: DOC.signature,
    rawBody: DOC.body,
    nowMs: at(0),
    ...over,
  });

describe("signSlackRequest", () => {
  it("reproduces Slack's published test vector", () => {
    expect(signSlackRequest(DOC.secret, DOC.timestamp, DOC.body)).toBe(DOC.signature);
  });

  it("signs the raw bytes, so a Buffer and its string agree", () => {
    expect(signSlackRequest(DOC.secret, DOC.timestamp, Buffer.from(DOC.body))).toBe(DOC.signature);
  });
});

describe("verifySlackSignature", () => {
  it("accepts Slack's example at its own timestamp", () => {
    expect(check()).toEqual({ ok: true });
  });

  it.each([
    ["exactly 5 minutes old", 300, { ok: true }],
    ["5 minutes and 1 s old", 301, { ok: false, reason: "stale-timestamp" }],
    ["exactly 5 minutes in the future", -300, { ok: true }],
    ["5 minutes and 1 s in the future", -301, { ok: false, reason: "future-timestamp" }],
    ["a day old", 86_400, { ok: false, reason: "stale-timestamp" }],
  ])("window: a request %s → %j", (_name, offset, expected) => {
    expect(check({ nowMs: at(offset) })).toEqual(expected);
  });

  it.each([
    ["a missing timestamp", { timestamp: undefined }, "missing-timestamp"],
    ["an empty timestamp", { timestamp: "" }, "missing-timestamp"],
    ["a non-numeric timestamp", { timestamp: "1531420618.5" }, "malformed-timestamp"],
    ["a missing signature", { signature: undefined }, "missing-signature"],
    ["a v1 signature", { signature: DOC.signature.replace("v0=", "v1=") }, "malformed-signature"],
    ["a truncated signature", { signature: DOC.signature.slice(0, -2) }, "malformed-signature"],
    ["one changed hex digit", { signature: `${DOC.signature.slice(0, -1)}4` }, "bad-signature"],
    ["another secret", { signingSecret: "8f742231b10e8888abcd99yyyzzz85a6" }, "bad-signature"],
    ["a changed body", { rawBody: DOC.body.replace("roadrunner", "coyote") }, "bad-signature"],
  ])("refuses %s", (_name, over, reason) => {
    expect(check(over)).toEqual({ ok: false, reason });
  });

  it("accepts upper-case hex in the header", () => {
    expect(check({ signature: `v0=${DOC.signature.slice(3).toUpperCase()}` })).toEqual({
      ok: true,
    });
  });
});
