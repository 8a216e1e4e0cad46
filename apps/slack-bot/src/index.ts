/**
 * `@nineproxy/slack-bot`: the `/proxy` slash command that manages 9Proxy connection configs from
 * Slack, safely: verified requests, ack before work, confirmations, allow-lists, audit.
 */
export type { AccessPolicy, Caller, UsergroupMembers } from "./access/policy.js";
export type { ConfigsApi } from "./api.js";
export { type BotOptions, type RunningBot, startBot } from "./bot.js";
export { parseCommand } from "./command/parse.js";
export type { Command, ParseResult } from "./command/types.js";
export { type EnvConfig, loadEnv } from "./config/env.js";
export {
  BotOptionsError,
  EmptySigningSecretError,
  NotListeningError,
  SlackBotError,
  SlackUnreachableError,
  SocketStartTimeoutError,
} from "./errors.js";
export { signSlackRequest, verifySlackSignature } from "./slack/signature.js";
