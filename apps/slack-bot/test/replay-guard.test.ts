import { describe, expect, it } from "vitest";
import { ReplayGuard } from "../src/slack/replay-guard.js";

describe("ReplayGuard", () => {
  it("refuses a signature seen inside the window, in any letter case, and forgets it after", () => {
    const guard = new ReplayGuard(300);
    const t = 1_800_000_000;
    expect(guard.claim("v0=ab", t, t * 1000)).toBe(true);
    expect(guard.claim("v0=AB", t, (t + 299) * 1000)).toBe(false);
    expect(guard.claim("v0=cd", t, (t + 1) * 1000)).toBe(true);
    // past the window the timestamp check refuses it anyway; the guard need not remember it
    expect(guard.claim("v0=ab", t, (t + 301) * 1000)).toBe(true);
  });
});
