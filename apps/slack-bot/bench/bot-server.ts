/** The `/proxy` bot alone in its own process, for the bench; prints its URL. */
import { pino } from "pino";
import { startBot } from "../src/index.js";

const bot = await startBot({
  signingSecret: process.env.BENCH_SECRET ?? "",
  botToken: "xoxb-bench",
  botId: "B0BENCH",
  botUserId: "U0BENCH",
  nineproxy: {
    baseUrl: process.env.BENCH_SANDBOX_URL ?? "",
    apiKey: process.env.BENCH_API_KEY ?? "",
  },
  access: {
    teamIds: new Set(["T0ALLOWED"]),
    writeUserIds: new Set(),
    writeUsergroupIds: new Set(),
    writeChannelIds: new Set(),
  },
  port: 0,
  responseUrlPrefixes: [process.env.BENCH_SLACK_URL ?? ""],
  logger: pino({ level: "silent" }),
  drainTimeoutMs: 30_000,
});
process.stdout.write(`${JSON.stringify({ url: bot.url })}\n`);
process.on("SIGTERM", () => {
  bot.close().then(() => process.exit(0));
});
