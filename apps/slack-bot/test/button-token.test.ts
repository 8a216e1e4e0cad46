import { describe, expect, it } from "vitest";
import { buttonKey, signButtonValue, verifyButtonValue } from "../src/slack/button-token.js";

const key = buttonKey("secret-one");
const op = {
  op: "delete",
  team: "T1",
  user: "U1",
  channel: "C1",
  data: { ranges: [[10000, 10009, 7]] },
};
const now = 1_700_000_000_000;

describe("signed button values", () => {
  it("round-trip the pending operation, with a nonce and an expiry", () => {
    const value = signButtonValue(key, op, now, 60_000);
    const verdict = verifyButtonValue(key, value, now + 59_000);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.operation).toMatchObject({ ...op, exp: Math.floor((now + 60_000) / 1000) });
    expect(verdict.operation.nonce).toMatch(/^[\w-]{12}$/);
  });

  it("give each prompt its own nonce", () => {
    const a = verifyButtonValue(key, signButtonValue(key, op, now, 60_000), now);
    const b = verifyButtonValue(key, signButtonValue(key, op, now, 60_000), now);
    expect(a.ok && b.ok && a.operation.nonce !== b.operation.nonce).toBe(true);
  });

  it("expire", () => {
    const value = signButtonValue(key, op, now, 60_000);
    expect(verifyButtonValue(key, value, now + 61_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse a value signed with another secret (another app)", () => {
    const value = signButtonValue(buttonKey("secret-two"), op, now, 60_000);
    expect(verifyButtonValue(key, value, now)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuse a payload changed after signing (e.g. more ports)", () => {
    const [v, payload, mac] = signButtonValue(key, op, now, 60_000).split(".");
    const decoded = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    decoded.data.ranges.push([20000, 20999, 8]);
    const forged = `${v}.${Buffer.from(JSON.stringify(decoded)).toString("base64url")}.${mac}`;
    expect(verifyButtonValue(key, forged, now)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it.each([[undefined], [""], ["b1.only-two"], ["x1.a.b"], ["b1.a.b.c"], [42]])(
    "refuse the malformed value %j",
    (value) => {
      expect(verifyButtonValue(key, value, now)).toEqual({ ok: false, reason: expect.any(String) });
    },
  );

  it("stay under Slack's 2,000-character button value limit for 25 ranges", () => {
    const ranges = Array.from({ length: 25 }, (_, i) => [
      10000 + i * 1000,
      10999 + i * 1000,
      1_000_000 + i,
    ]);
    const value = signButtonValue(key, { ...op, data: { ranges } }, now, 600_000);
    expect(value.length).toBeLessThanOrEqual(2000);
  });
});
