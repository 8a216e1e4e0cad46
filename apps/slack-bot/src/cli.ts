#!/usr/bin/env node
import { pino } from "pino";
import { startBot } from "./bot.js";
import { loadEnv } from "./config/env.js";
import { startErrorLine } from "./config/start-error.js";
import { botSecrets } from "./redact.js";

// configuration: one clear line per problem, then exit
const env = loadEnv(process.env);
if (!env.ok) {
  for (const error of env.errors) process.stderr.write(`config error: ${error}\n`);
  process.exit(1);
}
const config = env.config;
const logger = pino({ level: config.logLevel });

const secrets = botSecrets(config);
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
}).catch((error: unknown) => {
  // start-up failures (port taken, Slack refusing the token) get one line, like config errors
  process.stderr.write(`${startErrorLine(error, secrets)}\n`);
  process.exit(1);
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
