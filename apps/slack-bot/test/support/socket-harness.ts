import { type Sandbox, type SandboxOptions, startSandbox } from "@nineproxy/sandbox";
import { pino } from "pino";
import { type BotOptions, type RunningBot, startBot } from "../../src/index.js";
import { API_KEY, BOT_TOKEN, testBotOptions } from "./harness.js";
import { type ResponseUrlServer, startResponseUrlServer } from "./response-url-server.js";
import { blockActionsPayload, commandFields, type Sender } from "./slack-request.js";
import {
  type Delivered,
  type SocketModeServer,
  startSocketModeServer,
} from "./socket-mode-server.js";

/** Canary app-level token: the tests fail if it shows up in a log line or a Slack reply. */
export const APP_TOKEN = "xapp-1-A0APP-canary-app-token-2c7e90";

/** A bot in Socket Mode, the sandbox behind it, and Slack (Socket Mode and replies) simulated. */
export interface SocketHarness {
  bot: RunningBot;
  sandbox: Sandbox;
  slack: ResponseUrlServer;
  socket: SocketModeServer;
  logs: string[];
  /** Pushes `/proxy <text>` as a `slash_commands` envelope; resolves with the ack. */
  command(text: string, who?: Sender): Promise<Delivered & { responseUrl: string }>;
  /** Pushes a button click as an `interactive` envelope; resolves with the ack. */
  click(
    actionId: string,
    value: string,
    who?: Sender,
  ): Promise<Delivered & { responseUrl: string }>;
  audits(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts sandbox, simulated Slack and a bot given an app token (so in Socket Mode). */
export async function startSocketHarness(
  overrides: Partial<BotOptions> = {},
  sandboxOptions: Partial<SandboxOptions> = {},
): Promise<SocketHarness> {
  const sandbox = await startSandbox({ apiKeys: [API_KEY], ...sandboxOptions });
  const slack = await startResponseUrlServer();
  const socket = await startSocketModeServer(APP_TOKEN, {
    botToken: BOT_TOKEN,
    usergroups: { S0OPS: ["U0GROUPIE"] },
  });
  const logs: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => logs.push(line) });
  let bot: RunningBot;
  try {
    bot = await startBot({
      ...testBotOptions({ sandboxUrl: sandbox.url, slackUrl: slack.url, logger }),
      appToken: APP_TOKEN,
      slackApiUrl: socket.apiUrl,
      ...overrides,
    });
  } catch (error) {
    await socket.close();
    await slack.close();
    await sandbox.close();
    throw error;
  }
  return {
    bot,
    sandbox,
    slack,
    socket,
    logs,
    async command(text, who) {
      const responseUrl = slack.newUrl();
      return { ...(await socket.slashCommand(commandFields(text, responseUrl, who))), responseUrl };
    },
    async click(actionId, value, who) {
      const responseUrl = slack.newUrl();
      const payload = blockActionsPayload(actionId, value, responseUrl, who);
      return { ...(await socket.interactive(payload)), responseUrl };
    },
    audits: () =>
      logs
        .map((line) => JSON.parse(line) as { msg: string; audit?: Record<string, unknown> })
        .filter((line) => line.msg === "audit")
        .map((line) => line.audit ?? {}),
    async close() {
      await bot.close();
      await socket.close();
      await slack.close();
      await sandbox.close();
    },
  };
}
