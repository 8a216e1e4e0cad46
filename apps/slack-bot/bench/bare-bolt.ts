/** A bare Bolt app that only acks `/proxy`, on Bolt's own HTTP receiver; prints its URL. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type Logger, LogLevel } from "@slack/bolt";

const quiet: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};
const app = new App({
  receiver: new HTTPReceiver({ signingSecret: process.env.BENCH_SECRET ?? "", logger: quiet }),
  token: "xoxb-bench",
  botId: "B0BENCH",
  botUserId: "U0BENCH",
  tokenVerificationEnabled: false,
  logger: quiet,
});
app.command("/proxy", async ({ ack }) => {
  await ack();
});
const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
process.stdout.write(
  `${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`,
);
process.on("SIGTERM", () => {
  app.stop().then(() => process.exit(0));
});
