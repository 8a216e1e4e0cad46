import { describe, expect, it } from "vitest";
import { call, create, KEY, sandbox } from "./support/sandbox.js";

describe("update", () => {
  it("finds the config by start_port and applies targeting and session settings", async () => {
    let now = 1_700_000_000_000;
    const sb = await sandbox({ now: () => now });
    const before = await create(sb, { quantity: 4, country_code: "US", city_code: "nyc" });
    now += 90_000;
    const answer = await call(sb, "update", {
      body: {
        start_port: before.start_port,
        session_type: 2,
        session_time: 45,
        country_code: "DE",
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({
      ...before,
      country_code: "DE",
      is_keep: 1,
      is_random_ip: 0,
      session_time: "45",
      updated_at: before.updated_at + 90,
    });
    expect(sb.configs(KEY)).toEqual([answer.body.result]);
    expect(sb.applied).toEqual({ create: 1, update: 1, delete: 0 });
  });

  it("keeps targeting fields the update leaves out (assumed)", async () => {
    const sb = await sandbox();
    const before = await create(sb, { country_code: "US", isp_code: "isp-1" });
    const answer = await call(sb, "update", {
      body: { start_port: before.start_port, session_type: 1 },
    });
    expect(answer.body.result).toMatchObject({ country_code: "US", isp_code: "isp-1" });
  });

  it.each([
    ["keeps the minutes of a sticky config updated without session_time", 2, 40, undefined, "40"],
    [
      "takes the default minutes when a rotating config turns sticky",
      1,
      undefined,
      undefined,
      "15",
    ],
    ["takes new minutes when given", 2, 40, 5, "5"],
  ])("%s (assumed)", async (_why, fromType, fromMinutes, toMinutes, expected) => {
    const sb = await sandbox();
    const config = await create(sb, { session_type: fromType, session_time: fromMinutes });
    const body = { start_port: config.start_port, session_type: 2, session_time: toMinutes };
    const answer = await call(sb, "update", { body });
    expect(answer.body.result.session_time).toBe(expected);
  });

  it("answers 400 naming a start_port that matches no config, and applies nothing", async () => {
    const sb = await sandbox();
    const config = await create(sb);
    const answer = await call(sb, "update", {
      body: { start_port: config.start_port + 1, session_type: 2 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([`start_port ${config.start_port + 1} matches no config`]);
    expect(sb.configs(KEY)).toEqual([config]);
    expect(sb.applied.update).toBe(0);
  });

  it.each([
    ["an empty object", {}, ["start_port is required", "session_type is required"]],
    [
      "start_port a string",
      { start_port: "10000", session_type: 1 },
      ["start_port must be an integer"],
    ],
    [
      "session_type 0",
      { start_port: 10000, session_type: 0 },
      ["session_type must be 1 (rotating) or 2 (sticky)"],
    ],
    [
      "country_code a number",
      { start_port: 10000, session_type: 1, country_code: 49 },
      ["country_code must be a string"],
    ],
    ["malformed JSON", "{", ["body is not valid JSON"]],
  ])("answers 400 to %s", async (_why, body, errors) => {
    const sb = await sandbox();
    await create(sb);
    const answer = await call(sb, "update", { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ success: false, message: "Bad request", errors });
    expect(sb.applied.update).toBe(0);
  });
});
