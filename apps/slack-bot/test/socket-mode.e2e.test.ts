import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SocketStartTimeoutError, startBot } from "../src/index.js";
import {
  API_KEY,
  BOT_TOKEN,
  buttonValue,
  recordConnections,
  SIGNING_SECRET,
  testAccess,
  WHO,
} from "./support/harness.js";
import { APP_TOKEN, type SocketHarness, startSocketHarness } from "./support/socket-harness.js";
import { startSocketModeServer } from "./support/socket-mode-server.js";

/** Ack within this, on loopback, while every API call takes 2 s: the ack came before any call. */
const PROMPT_MS = 1_000;

let h: SocketHarness;
beforeAll(async () => {
  h = await startSocketHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.sandbox.reset();
});

describe("Socket Mode: connecting", () => {
  it("asks apps.connections.open for its URL with the app token alone, then says hello", () => {
    expect(h.socket.calls).toEqual([
      {
        method: "apps.connections.open",
        authorization: `Bearer ${APP_TOKEN}`,
        contentType: "application/x-www-form-urlencoded",
        body: "",
      },
    ]);
    expect(h.socket.opened).toBe(1);
    expect(h.socket.openSockets()).toBe(1);
  });

  it("serves /healthz on its port while the socket carries the commands", async () => {
    const res = await fetch(`${h.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await fetch(`${h.bot.url}/slack/events`, { method: "POST" })).status).toBe(404);
  });
});

describe("Socket Mode: slash commands", () => {
  it("acks each envelope before any API call, then answers on response_url", async () => {
    h.sandbox.seed(API_KEY, 3);
    h.sandbox.faults.add({ route: "*", kind: "latency", ms: 2_000 });
    const sent = Date.now();
    const commands = await Promise.all(Array.from({ length: 20 }, () => h.command("list")));
    for (const { ack, envelopeId } of commands) {
      expect(ack.ms).toBeLessThan(PROMPT_MS);
      // an ack names its envelope; nothing to say at once for a command that parsed
      expect(ack.raw).toEqual({ envelope_id: envelopeId, payload: {} });
    }
    const replies = await Promise.all(commands.map((c) => h.slack.waitFor(c.responseUrl)));
    for (const [reply] of replies) {
      expect(reply?.body).toMatchObject({ response_type: "ephemeral" });
      expect(reply?.body.text).toBe("Configs: page 1 of 1 (3 in all).");
      // the reply needed the API, which took 2 s: it came long after the ack
      expect((reply?.at ?? 0) - sent).toBeGreaterThan(1_900);
    }
    expect(h.socket.malformed).toEqual([]);
  });

  it("answers a command that does not parse in the ack payload itself", async () => {
    const { ack, responseUrl } = await h.command("create lots");
    expect(ack.ms).toBeLessThan(PROMPT_MS);
    expect(ack.payload).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringMatching(/^`lots` is not a quantity: .* Usage: \/proxy create /),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.messages(responseUrl)).toEqual([]);
    expect(h.audits().at(-1)).toMatchObject({ command: "create", result: "invalid" });
  });

  it("denies a workspace that is not allowed, in the ack payload itself", async () => {
    const { ack } = await h.command("list", WHO.otherTeam);
    expect(ack.payload).toMatchObject({ response_type: "ephemeral" });
    expect(ack.payload?.text).toBe("This workspace (T0STRANGER) is not allowed to use this bot.");
    expect(h.audits().at(-1)).toMatchObject({ team: "T0STRANGER", result: "denied" });
  });
});

describe("Socket Mode: access control (deny by default)", () => {
  it("refuses a write to a reader and to a writer outside the allowed channel", async () => {
    for (const who of [WHO.reader, WHO.otherChannel]) {
      const { ack, responseUrl } = await h.command("create 2", who);
      expect(ack.payload).toEqual({});
      const [reply] = await h.slack.waitFor(responseUrl);
      expect(reply?.body.text).toMatch(/not on the write allow-list|not allowed in this channel/);
    }
    expect(h.sandbox.applied.create).toBe(0);
  });

  it("allows a member of an allowed user group, looked up on Slack's Web API (simulated)", async () => {
    const bot = await startSocketHarness({ usergroupMembers: undefined });
    try {
      const { responseUrl } = await bot.command("create 2", WHO.groupie);
      const [reply] = await bot.slack.waitFor(responseUrl);
      expect(reply?.body.text).toMatch(/^Created/);
      const lookup = bot.socket.calls.find((c) => c.method === "usergroups.users.list");
      expect(lookup).toMatchObject({ authorization: `Bearer ${BOT_TOKEN}` });
      expect(lookup?.body).toContain("usergroup=S0OPS");
    } finally {
      await bot.close();
    }
  });
});

describe("Socket Mode: delete confirmation as an interactive envelope", () => {
  it("acks the click at once and deletes exactly what the prompt showed", async () => {
    const [a, b] = h.sandbox.seed(API_KEY, [
      { quantity: 3, session_type: 1 },
      { quantity: 2, session_type: 1 },
    ]);
    const asked = await h.command(`delete ${a?.start_port}`);
    const [prompt] = await h.slack.waitFor(asked.responseUrl);
    expect(prompt?.body.text).toMatch(/^Delete 1 config \(3 ports\)\?/);
    expect(h.sandbox.applied.delete).toBe(0);

    const value = buttonValue(prompt?.body ?? {}, "proxy.delete.confirm");
    const click = await h.click("proxy.delete.confirm", value);
    expect(click.ack.ms).toBeLessThan(PROMPT_MS);
    expect(click.ack.raw).toEqual({ envelope_id: click.envelopeId, payload: {} });
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body).toMatchObject({
      replace_original: true,
      text: expect.stringMatching(/^Deleted 1 config/),
    });
    expect(h.sandbox.configs(API_KEY).map((c) => c.start_port)).toEqual([b?.start_port]);

    // the same click again, as Slack would redeliver it: nothing is deleted twice
    const again = await h.click("proxy.delete.confirm", value);
    expect(again.ack.payload).toEqual({});
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sandbox.applied.delete).toBe(1);
    expect(h.audits().at(-1)).toMatchObject({ kind: "action", result: "noop" });
  });

  it("refuses a click by someone else, and deletes nothing", async () => {
    const [a] = h.sandbox.seed(API_KEY, [{ quantity: 1, session_type: 1 }]);
    const asked = await h.command(`delete ${a?.start_port}`);
    const [prompt] = await h.slack.waitFor(asked.responseUrl);
    const value = buttonValue(prompt?.body ?? {}, "proxy.delete.confirm");
    const click = await h.click("proxy.delete.confirm", value, WHO.groupie);
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body.text).toMatch(/Only the person who asked/);
    expect(h.sandbox.applied.delete).toBe(0);
  });
});

describe("Socket Mode: Slack refreshing the connection", () => {
  it("reconnects with a new URL after a `disconnect` message and keeps serving", async () => {
    const bot = await startSocketHarness();
    try {
      bot.socket.disconnect("refresh_requested");
      await bot.socket.waitForNoSocket();
      // Slack's client waits about 5 s before it reconnects: /healthz says the socket is down
      const down = await fetch(`${bot.bot.url}/healthz`);
      expect([down.status, await down.text()]).toEqual([503, "not connected"]);
      await bot.socket.waitForConnections(2, 15_000);
      expect((await fetch(`${bot.bot.url}/healthz`)).status).toBe(200);
      expect(bot.socket.calls.filter((c) => c.method === "apps.connections.open")).toHaveLength(2);
      const { ack, responseUrl } = await bot.command("help");
      expect(ack.payload).toEqual({});
      await bot.slack.waitFor(responseUrl);
      expect(bot.socket.closeCodes).toEqual([1000]);
    } finally {
      await bot.close();
    }
  });
});

describe("Socket Mode: secrets", () => {
  it("never logs the app token, bot token, API key, signing secret or Slack's credentials", async () => {
    const bot = await startSocketHarness({ usergroupMembers: undefined });
    try {
      bot.sandbox.seed(API_KEY, 2);
      // the last four: a user pasting a secret as command text
      const texts = ["help", "list", "usage", "create 1", "create x", "delete 1", APP_TOKEN];
      texts.push(`show ${API_KEY}`, `create 1 city=${BOT_TOKEN}`, `update 1 isp=${SIGNING_SECRET}`);
      for (const text of texts) {
        const { responseUrl, ack } = await bot.command(text);
        if (!ack.payload?.text) await bot.slack.waitFor(responseUrl);
      }
      await bot.command("create 1", WHO.groupie);
      bot.sandbox.faults.add({ route: "*", kind: "status", status: 500, times: 4 });
      const failing = await bot.command("list");
      await bot.slack.waitFor(failing.responseUrl);
      const click = await bot.click("proxy.delete.confirm", "b1.forged");
      await bot.slack.waitFor(click.responseUrl);
      const logs = bot.logs.join("\n");
      // the harness logs at debug: Bolt's own lines, which quote every envelope, are included
      expect(logs).toContain("Received a message on the WebSocket");
      for (const secret of [APP_TOKEN, BOT_TOKEN, API_KEY, SIGNING_SECRET]) {
        expect(logs).not.toContain(secret);
      }
      // what Slack hands the app: the verification token, reply URLs, the one-use socket ticket
      expect(logs).not.toContain("verification-token-unused");
      expect(logs).not.toContain(failing.responseUrl.split("/").at(-1));
      expect(logs).not.toMatch(/ticket=(?!\[REDACTED\])/);
      const acks = JSON.stringify(bot.socket.acks);
      const replies = JSON.stringify(bot.slack.all.map((m) => m.body));
      for (const secret of [APP_TOKEN, BOT_TOKEN, API_KEY, SIGNING_SECRET]) {
        expect(acks).not.toContain(secret);
        expect(replies).not.toContain(secret);
      }
    } finally {
      await bot.close();
    }
  });
});

describe("Socket Mode: start-up and shutdown", () => {
  it("close() lets work in flight finish, closes the socket cleanly, then stops /healthz", async () => {
    const bot = await startSocketHarness();
    bot.sandbox.faults.add({ route: "list", kind: "latency", ms: 600 });
    const { responseUrl } = await bot.command("list");
    const closing = bot.bot.close();
    await new Promise((r) => setTimeout(r, 100));
    // while it finishes, /healthz says so
    const during = await fetch(`${bot.bot.url}/healthz`);
    expect([during.status, await during.text()]).toEqual([503, "closing"]);
    await closing;
    // the reply went out before close() resolved, and the socket was closed by then
    expect(bot.slack.messages(responseUrl)).toHaveLength(1);
    expect(bot.socket.openSockets()).toBe(0);
    await bot.socket.waitForNoSocket(2_000);
    expect(bot.socket.closeCodes).toEqual([1000]);
    await expect(fetch(`${bot.bot.url}/healthz`)).rejects.toThrow();
    await bot.socket.close();
    await bot.slack.close();
    await bot.sandbox.close();
  });

  it("once connected, outlives its start timeout (no late rejection)", async () => {
    const bot = await startSocketHarness({ socketStartTimeoutMs: 200 });
    try {
      await new Promise((r) => setTimeout(r, 400));
      const { ack, responseUrl } = await bot.command("help");
      expect(ack.payload).toEqual({});
      await bot.slack.waitFor(responseUrl);
    } finally {
      await bot.close();
    }
  });

  it.each([
    ["a refused app token", "xapp-1-A0APP-not-the-right-one-77", /invalid_auth/],
    // Slack's client retries this refusal forever: the bot gives up after socketStartTimeoutMs
    ["a bot token given as the app token", "xoxb-misplaced-bot-token-19", "timeout" as const],
  ])(
    "%s: startBot rejects with Slack's error and leaves nothing listening",
    async (_name, appToken, error) => {
      const port = await freePort();
      const started = Date.now();
      const failed = await startSocketHarness({
        appToken,
        port,
        socketStartTimeoutMs: 1_500,
      }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(failed).toBeInstanceOf(error === "timeout" ? SocketStartTimeoutError : Error);
      expect((failed as Error).message).toMatch(error === "timeout" ? /did not connect/ : error);
      expect((failed as Error).message).not.toContain(appToken);
      // the /healthz port is free again
      const again = createServer();
      await new Promise<void>((resolve, reject) => {
        again.once("error", reject);
        again.listen(port, "127.0.0.1", resolve);
      });
      await new Promise((resolve) => again.close(resolve));
    },
  );

  it("a refused bot token (no bot ids given): startBot rejects, no crash, nothing listening", async () => {
    const port = await freePort();
    const failed = await startSocketHarness({
      botToken: "xoxb-revoked-bot-token-3d",
      botId: undefined,
      botUserId: undefined,
      port,
    }).catch((e: unknown) => e);
    expect((failed as Error).message).toMatch(/invalid_auth/);
    const again = createServer();
    await new Promise<void>((resolve, reject) => {
      again.once("error", reject);
      again.listen(port, "127.0.0.1", resolve);
    });
    await new Promise((resolve) => again.close(resolve));
  });

  it("connects to nothing but loopback, Slack's Web API and socket included", async () => {
    const connections = recordConnections();
    const socket = await startSocketModeServer(APP_TOKEN, { botToken: BOT_TOKEN, usergroups: {} });
    try {
      const bot = await startBot({
        signingSecret: SIGNING_SECRET,
        botToken: BOT_TOKEN,
        appToken: APP_TOKEN,
        // no botId: Bolt's auth.test goes to the simulated Web API too
        api: { list: async () => ({ data: [] }) } as never,
        access: testAccess(),
        port: 0,
        slackApiUrl: socket.apiUrl,
        logger: (await import("pino")).pino({ level: "silent" }),
      });
      await bot.close();
    } finally {
      connections.stop();
      await socket.close();
    }
    expect(socket.calls.map((c) => c.method).sort()).toEqual([
      "apps.connections.open",
      "auth.test",
    ]);
    expect(connections.hosts).toContain("127.0.0.1");
    expect(connections.hosts.filter((host) => host !== "127.0.0.1")).toEqual([]);
  });
});

/** A TCP port free on loopback right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
