import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import {
  BotOptionsError,
  NotListeningError,
  SlackBotError,
  SlackUnreachableError,
  startBot,
} from "../src/index.js";
import { SignedHttpReceiver } from "../src/slack/receiver.js";
import { API_KEY, recordConnections, startHarness, testAccess } from "./support/harness.js";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

describe("start-up", () => {
  it("refuses an empty signing secret, saying to set SLACK_SIGNING_SECRET", async () => {
    const failed = await startBot({
      signingSecret: "",
      botToken: "xoxb-1",
      access: testAccess(),
      port: 0,
      api: {} as never,
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SlackBotError);
    expect((failed as Error).message).toMatch(/signing secret is empty.*Set SLACK_SIGNING_SECRET/);
    const receiver = () =>
      new SignedHttpReceiver({
        signingSecret: "",
        port: 0,
        host: "127.0.0.1",
        logger: pino({ enabled: false }),
      });
    expect(receiver).toThrow((failed as Error).message);
  });

  it("a receiver asked for its URL before it listens says to start it", () => {
    const receiver = new SignedHttpReceiver({
      signingSecret: "s",
      port: 0,
      host: "127.0.0.1",
      logger: pino({ enabled: false }),
    });
    expect(() => receiver.url).toThrow(NotListeningError);
    expect(() => receiver.url).toThrow(/call `start\(\)` first/);
  });

  it("refuses to start with neither `nineproxy` nor `api`, naming both", async () => {
    const failed = await startBot({
      signingSecret: "s",
      botToken: "xoxb-1",
      access: testAccess(),
      port: 0,
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(BotOptionsError);
    expect((failed as Error).message).toMatch(/`nineproxy: \{ baseUrl, apiKey \}`.*`api`/);
  });

  it("stops at once when Slack cannot be reached to check the bot token (no bot ids)", async () => {
    const started = performance.now();
    const failed = await startBot({
      signingSecret: "s",
      botToken: "xoxb-1",
      nineproxy: { baseUrl: "http://127.0.0.1:9", apiKey: API_KEY },
      access: testAccess(),
      port: 0,
      // note: port 9 on loopback refuses; Slack's client would retry this for half an hour
      slackApiUrl: "http://127.0.0.1:9/api/",
      logger: pino({ level: "silent" }),
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SlackUnreachableError);
    expect((failed as Error).message).toMatch(/set SLACK_BOT_ID and SLACK_BOT_USER_ID/);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it("the CLI prints one line per configuration error and exits 1", async () => {
    const env = {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-x",
      NINEPROXY_BASE_URL: "http://127.0.0.1:9",
    };
    const failed = await run(
      process.execPath,
      ["--conditions=@nineproxy/source", "--import", "tsx", cli],
      { env },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    const lines = (failed as { stderr: string }).stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^config error: SLACK_SIGNING_SECRET is not set/),
      expect.stringMatching(/^config error: NINEPROXY_API_KEY is not set/),
      expect.stringMatching(/^config error: SLACK_ALLOWED_TEAM_IDS is empty/),
    ]);
  });
});

describe("the CLI", () => {
  it("says in one line, without a stack trace, that its port is taken, and exits 1", async () => {
    const { createServer } = await import("node:net");
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    const env = {
      PATH: process.env.PATH ?? "",
      SLACK_SIGNING_SECRET: "cli-secret",
      SLACK_BOT_TOKEN: "xoxb-cli",
      SLACK_BOT_ID: "B0CLI",
      SLACK_BOT_USER_ID: "U0CLI",
      NINEPROXY_BASE_URL: "http://127.0.0.1:9",
      NINEPROXY_API_KEY: "cli-key",
      SLACK_ALLOWED_TEAM_IDS: "T0ALLOWED",
      PORT: String(port),
    };
    const failed = await run(
      process.execPath,
      ["--conditions=@nineproxy/source", "--import", "tsx", cli],
      { env },
    ).catch((error: { code: number; stderr: string }) => error);
    taken.close();
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr.trim().split("\n")).toEqual([
      `start error: 127.0.0.1:${port} is already in use: stop what listens there, or set PORT.`,
    ]);
  });

  it("starts from environment variables, serves /healthz, and exits 0 on SIGTERM", async () => {
    const { spawn } = await import("node:child_process");
    const { startSandbox } = await import("@nineproxy/sandbox");
    const sandbox = await startSandbox({ apiKeys: [API_KEY] });
    const child = spawn(
      process.execPath,
      ["--conditions=@nineproxy/source", "--import", "tsx", cli],
      {
        env: {
          PATH: process.env.PATH ?? "",
          SLACK_SIGNING_SECRET: "cli-secret",
          SLACK_BOT_TOKEN: "xoxb-cli",
          SLACK_BOT_ID: "B0CLI",
          SLACK_BOT_USER_ID: "U0CLI",
          NINEPROXY_BASE_URL: sandbox.url,
          NINEPROXY_API_KEY: API_KEY,
          SLACK_ALLOWED_TEAM_IDS: "T0ALLOWED",
          PORT: "0",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const started = await new Promise<{ url: string }>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split("\n").find((l) => l.includes('"bot started"'));
          if (line) resolve(JSON.parse(line));
        });
        child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
      });
      expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      await sandbox.close();
    }
  });
});

describe("shutdown and the outside world", () => {
  it("finishes a command in flight before close() resolves, then stops listening", async () => {
    const h = await startHarness();
    h.sandbox.faults.add({ route: "list", kind: "latency", ms: 600 });
    const ack = await h.command("list");
    expect(ack.status).toBe(200);
    await h.bot.close();
    expect(h.slack.messages(ack.responseUrl)).toHaveLength(1);
    await expect(fetch(`${h.bot.url}/healthz`)).rejects.toThrow();
    await h.close().catch(() => undefined);
  });

  it("connects to nothing but loopback: no auth.test, no Slack API, nothing outside", async () => {
    const connections = recordConnections();
    try {
      const h = await startHarness();
      h.sandbox.seed(API_KEY, 3);
      for (const text of ["help", "list", "usage", "create 1", "delete 10000"]) {
        const ack = await h.command(text);
        await h.slack.waitFor(ack.responseUrl);
      }
      await h.close();
    } finally {
      connections.stop();
    }
    // note: fetch keeps connections alive, so a few sockets carry every call
    expect(connections.hosts).toContain("127.0.0.1");
    expect(
      connections.hosts.filter((host) => host !== "127.0.0.1" && host !== "localhost"),
    ).toEqual([]);
  });
});
