import { describe, expect, it } from "vitest";
import { type AccessPolicy, cachedMembers, canRead, canWrite } from "../src/access/policy.js";

const policy: AccessPolicy = {
  teamIds: new Set(["T1"]),
  writeUserIds: new Set(["U1"]),
  writeUsergroupIds: new Set(["S1"]),
  writeChannelIds: new Set(["C1"]),
};
const members = async (group: string) => (group === "S1" ? ["U2"] : []);

describe("canRead", () => {
  it.each([
    ["a member of an allowed team", "T1", true],
    ["anyone in another team", "T2", false],
    ["a request with no team", "", false],
  ])("%s → %s", (_name, team, allowed) => {
    expect(canRead(policy, { team, user: "U9", channel: "C9" }).allowed).toBe(allowed);
  });
});

describe("canWrite (deny by default)", () => {
  it.each([
    ["a listed user in a listed channel", { team: "T1", user: "U1", channel: "C1" }, true],
    ["a group member in a listed channel", { team: "T1", user: "U2", channel: "C1" }, true],
    ["a listed user in another channel", { team: "T1", user: "U1", channel: "C2" }, false],
    ["an unlisted user in a listed channel", { team: "T1", user: "U3", channel: "C1" }, false],
    ["a listed user from another team", { team: "T2", user: "U1", channel: "C1" }, false],
  ])("%s → %s", async (_name, caller, allowed) => {
    expect((await canWrite(policy, caller, members)).allowed).toBe(allowed);
  });

  it("denies everyone when every list is empty", async () => {
    const empty: AccessPolicy = {
      teamIds: new Set(["T1"]),
      writeUserIds: new Set(),
      writeUsergroupIds: new Set(),
      writeChannelIds: "any",
    };
    expect(
      (await canWrite(empty, { team: "T1", user: "U1", channel: "C1" }, members)).allowed,
    ).toBe(false);
  });

  it("allows any channel only when told so with `any`", async () => {
    const anyChannel: AccessPolicy = { ...policy, writeChannelIds: "any" };
    expect(
      (await canWrite(anyChannel, { team: "T1", user: "U1", channel: "C7" }, members)).allowed,
    ).toBe(true);
  });

  it("denies when the group lookup fails", async () => {
    const failing = async () => {
      throw new Error("slack down");
    };
    const decision = await canWrite(policy, { team: "T1", user: "U2", channel: "C1" }, failing);
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringMatching(/could not be checked/),
    });
  });
});

describe("cachedMembers", () => {
  it("looks a group up once per ttl", async () => {
    let calls = 0;
    let clock = 0;
    const cached = cachedMembers(
      async () => {
        calls++;
        return ["U1"];
      },
      1000,
      () => clock,
    );
    await cached("S1");
    await cached("S1");
    expect(calls).toBe(1);
    clock = 1001;
    await cached("S1");
    expect(calls).toBe(2);
  });
});
