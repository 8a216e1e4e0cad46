#!/usr/bin/env node
import { pino } from "pino";
import { startBot } from "./bot.js";
import { loadEnv } from "./config/env.js";

// configuration: one clear line per problem, then exit
const env = loadEnv(process.env);
if (!env.ok) {
  for (const error of env.errors) process.stderr.write(`config error: ${error}\n`);
  process.exit(1);
}
const config = env.config;
const logger = pino({ level: config.logLevel });

const bot = await startBot({
  signingSecret: config.signingSecret,
  botToken: config.botToken,
  ...(config.appToken ? { appToken: config.appToken } : {}),
  ...(config.botId && config.botUserId ? { botId: config.botId, botUserId: config.botUserId } : {}),
  nineproxy: { baseUrl: config.baseUrl, apiKey: config.apiKey },
  access: config.access,
  port: config.port,
  host: config.host,
  command: config.command,
  logger,
});

// graceful shutdown: stop taking requests, finish what is in flight, exit
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    bot.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
