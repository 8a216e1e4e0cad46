import { describe, expect, it } from "vitest";
import { loadEnv } from "../src/config/env.js";

const GOOD = {
  SLACK_SIGNING_SECRET: "signing-secret-value",
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  NINEPROXY_BASE_URL: "http://127.0.0.1:4010",
  NINEPROXY_API_KEY: "api-key-value",
  SLACK_ALLOWED_TEAM_IDS: "T0123, T0456",
  SLACK_WRITE_USER_IDS: "U0AAA W0BBB",
  SLACK_WRITE_USERGROUP_IDS: "S0OPS",
  SLACK_WRITE_CHANNEL_IDS: "C0OPS,G0PRIV",
};

describe("loadEnv", () => {
  it("reads a complete environment, with defaults for the rest", () => {
    const result = loadEnv(GOOD);
    expect(result).toMatchObject({
      ok: true,
      config: { port: 3000, host: "127.0.0.1", command: "/proxy", logLevel: "info" },
    });
    if (!result.ok) return;
    expect([...result.config.access.teamIds]).toEqual(["T0123", "T0456"]);
    expect([...(result.config.access.writeChannelIds as Set<string>)]).toEqual(["C0OPS", "G0PRIV"]);
    expect(result.config.appToken).toBeUndefined();
  });

  it("takes `*` as every channel", () => {
    const result = loadEnv({ ...GOOD, SLACK_WRITE_CHANNEL_IDS: "*" });
    expect(result.ok && result.config.access.writeChannelIds).toBe("any");
  });

  it("gives one clear line per problem, and never echoes a secret", () => {
    const result = loadEnv({
      SLACK_SIGNING_SECRET: "   ",
      SLACK_BOT_TOKEN: "xoxp-user-token-secret",
      SLACK_APP_TOKEN: "bad-app-token-secret",
      NINEPROXY_BASE_URL: "ftp://x",
      SLACK_WRITE_USER_IDS: "bob",
      PORT: "99999",
      LOG_LEVEL: "loud",
      SLACK_BOT_ID: "B1",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is not set: /),
      expect.stringMatching(/^SLACK_BOT_TOKEN must be a bot token starting with xoxb-/),
      expect.stringMatching(/^SLACK_APP_TOKEN must be an app-level token/),
      expect.stringMatching(/^SLACK_BOT_ID and SLACK_BOT_USER_ID go together/),
      expect.stringMatching(/^NINEPROXY_BASE_URL must be an http\(s\) URL/),
      expect.stringMatching(/^NINEPROXY_API_KEY is not set/),
      expect.stringMatching(/^SLACK_ALLOWED_TEAM_IDS is empty/),
      expect.stringMatching(/^SLACK_WRITE_USER_IDS: `bob` is not a Slack ID/),
      expect.stringMatching(/^PORT must be a number from 0 to 65535/),
      expect.stringMatching(/^LOG_LEVEL must be one of/),
    ]);
    for (const line of result.errors) {
      expect(line).not.toContain("\n");
      expect(line).not.toMatch(/user-token-secret|bad-app-token-secret/);
    }
  });

  it("does not echo a secret pasted into an ID list by mistake", () => {
    const result = loadEnv({
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      SLACK_BOT_TOKEN: "xoxb-real-bot-token",
      NINEPROXY_BASE_URL: "http://127.0.0.1:4010",
      NINEPROXY_API_KEY: "k",
      SLACK_ALLOWED_TEAM_IDS: "T0123 xoxb-pasted-token-secret",
      SLACK_WRITE_USER_IDS: "8f742231b10e8888abcd99yyyzzz85a5",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      "SLACK_ALLOWED_TEAM_IDS: an entry of 24 characters is not a Slack ID of the right kind " +
        "(not shown: it looks like a token or secret).",
      "SLACK_WRITE_USER_IDS: an entry of 32 characters is not a Slack ID of the right kind " +
        "(not shown: it looks like a token or secret).",
    ]);
  });
});
