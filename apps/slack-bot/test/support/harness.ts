import { Socket } from "node:net";
import { type Sandbox, type SandboxOptions, startSandbox } from "@nineproxy/sandbox";
import { type Logger, pino } from "pino";
import { type BotOptions, type RunningBot, startBot } from "../../src/index.js";
import { type ResponseUrlServer, startResponseUrlServer } from "./response-url-server.js";
import {
  blockActionsBody,
  commandBody,
  postToSlackEndpoint,
  type Sender,
} from "./slack-request.js";

/** Canary secrets: the tests fail if any of them shows up in a log line or a Slack reply. */
export const API_KEY = "canary-apikey-7f3a9c0d1e";
export const SIGNING_SECRET = "canary-signing-secret-51b2e8";
export const BOT_TOKEN = "xoxb-canary-bot-token-88d1f4";

/** Who is who in the simulated workspace. */
export const WHO = {
  writer: { user: "U0WRITER" },
  groupie: { user: "U0GROUPIE" },
  reader: { user: "U0READER" },
  otherChannel: { user: "U0WRITER", channel: "C0RANDOM" },
  otherTeam: { team: "T0STRANGER", user: "U0WRITER" },
} satisfies Record<string, Sender>;

/** The default policy of the tests: one team, one writer, one group, one channel. */
export function testAccess(): BotOptions["access"] {
  return {
    teamIds: new Set(["T0ALLOWED"]),
    writeUserIds: new Set(["U0WRITER"]),
    writeUsergroupIds: new Set(["S0OPS"]),
    writeChannelIds: new Set(["C0OPS"]),
  };
}

/** Where a test bot finds its sandbox, its simulated Slack and its logger. */
export interface TestWorld {
  sandboxUrl: string;
  /** Base URL of the simulated `response_url` server. */
  slackUrl: string;
  logger: Logger;
  /** The key the bot sends. Default {@link API_KEY}. */
  apiKey?: string;
}

/** The options every test bot starts with: canary secrets, the test policy, loopback only. */
export function testBotOptions(world: TestWorld): BotOptions {
  return {
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    botId: "B0BOT",
    botUserId: "U0BOT",
    nineproxy: { baseUrl: world.sandboxUrl, apiKey: world.apiKey ?? API_KEY },
    access: testAccess(),
    port: 0,
    host: "127.0.0.1",
    logger: world.logger,
    responseUrlPrefixes: [world.slackUrl],
    usergroupMembers: async (group) => (group === "S0OPS" ? ["U0GROUPIE"] : []),
  };
}

/** A bot, the sandbox behind it and a simulated Slack, all on loopback. */
export interface Harness {
  bot: RunningBot;
  sandbox: Sandbox;
  slack: ResponseUrlServer;
  logs: string[];
  /** Sends `/proxy <text>`; returns the HTTP answer, its time and the response_url used. */
  command(text: string, who?: Sender): Promise<Ack & { responseUrl: string }>;
  /** Clicks a button; returns the HTTP answer and the response_url used. */
  click(actionId: string, value: string, who?: Sender): Promise<Ack & { responseUrl: string }>;
  /** Audit entries logged so far. */
  audits(): Record<string, unknown>[];
  /** Starts another replica on the same sandbox and Slack (same secrets), with overrides. */
  replica(overrides?: Partial<BotOptions>): Promise<RunningBot>;
  close(): Promise<void>;
}

/** HTTP answer to a simulated Slack request. */
export interface Ack {
  status: number;
  text: string;
  ms: number;
}

/** Starts sandbox, simulated Slack and bot. */
export async function startHarness(
  overrides: Partial<BotOptions> = {},
  sandboxOptions: Partial<SandboxOptions> = {},
  botApiKey = API_KEY,
): Promise<Harness> {
  const sandbox = await startSandbox({ apiKeys: [API_KEY], ...sandboxOptions });
  const slack = await startResponseUrlServer();
  const logs: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => logs.push(line) });
  const extra: RunningBot[] = [];
  const world = { sandboxUrl: sandbox.url, slackUrl: slack.url, logger, apiKey: botApiKey };
  const options = (more: Partial<BotOptions>): BotOptions => ({
    ...testBotOptions(world),
    ...overrides,
    ...more,
  });
  const bot = await startBot(options({}));
  const post = async (url: string, body: string) =>
    postToSlackEndpoint(url, body, { secret: SIGNING_SECRET });
  return {
    bot,
    sandbox,
    slack,
    logs,
    async command(text, who) {
      const responseUrl = slack.newUrl();
      return { ...(await post(bot.url, commandBody(text, responseUrl, who))), responseUrl };
    },
    async click(actionId, value, who) {
      const responseUrl = slack.newUrl();
      return {
        ...(await post(bot.url, blockActionsBody(actionId, value, responseUrl, who))),
        responseUrl,
      };
    },
    audits: () =>
      logs
        .map((line) => JSON.parse(line) as { msg: string; audit?: Record<string, unknown> })
        .filter((line) => line.msg === "audit")
        .map((line) => line.audit ?? {}),
    async replica(more = {}) {
      const replica = await startBot(options(more));
      extra.push(replica);
      return replica;
    },
    async close() {
      for (const replica of extra) await replica.close();
      await bot.close();
      await slack.close();
      await sandbox.close();
    },
  };
}

/** The value of the first button with `actionId` in a message. */
export function buttonValue(message: Record<string, unknown>, actionId: string): string {
  const blocks = (message.blocks ?? []) as {
    type: string;
    elements?: { action_id?: string; value?: string }[];
  }[];
  for (const block of blocks) {
    for (const element of block.elements ?? []) {
      if (element.action_id === actionId && element.value) return element.value;
    }
  }
  throw new Error(`no button ${actionId}`);
}

/** Records the host of every outgoing TCP connection made while `run` is active. */
export function recordConnections(): { hosts: string[]; stop(): void } {
  const hosts: string[] = [];
  const original = Socket.prototype.connect;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // note: net.connect hands Socket#connect its arguments already normalised into an array
    const raw = Array.isArray(args[0]) ? args[0][0] : args[0];
    const first = raw as { host?: string; path?: string } | number | string;
    if (typeof first === "object" && first !== null) hosts.push(first.host ?? first.path ?? "?");
    else if (typeof first === "number")
      hosts.push(typeof args[1] === "string" ? args[1] : "localhost");
    else hosts.push(String(first));
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;
  return {
    hosts,
    stop() {
      Socket.prototype.connect = original;
    },
  };
}
