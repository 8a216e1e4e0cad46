import { createClient } from "@nineproxy/client";
import { App, SocketModeReceiver, webApi } from "@slack/bolt";
import { type Logger, pino } from "pino";
import {
  type AccessPolicy,
  type Caller,
  cachedMembers,
  canRead,
  type UsergroupMembers,
} from "./access/policy.js";
import type { ConfigsApi } from "./api.js";
import { type AuditEntry, audit } from "./audit.js";
import { parseCommand } from "./command/parse.js";
import { BotOptionsError, EmptySigningSecretError, SlackUnreachableError } from "./errors.js";
import { ACTION_IDS, runAction } from "./handlers/actions.js";
import type { HandlerContext, Outcome } from "./handlers/context.js";
import { runCommand } from "./handlers/dispatch.js";
import { NonceLedger } from "./handlers/nonce-ledger.js";
import { RecentCreates } from "./handlers/recent-creates.js";
import { botSecrets, SecretScrubber } from "./redact.js";
import { apiErrorText, errorKind } from "./render/api-error.js";
import { parseErrorMessage } from "./render/parse-error.js";
import { boltLogger } from "./slack/bolt-logger.js";
import { buttonKey } from "./slack/button-token.js";
import { readClick } from "./slack/click.js";
import { ephemeral, type SlackMessage } from "./slack/message.js";
import { SignedHttpReceiver } from "./slack/receiver.js";
import { createResponder } from "./slack/response-url.js";
import { startSocketMode } from "./slack/socket-mode.js";

/** Options of {@link startBot}. */
export interface BotOptions {
  /** Slack signing secret; an empty one is refused. */
  signingSecret: string;
  /** Bot token (`xoxb-…`); used for user group lookups. */
  botToken: string;
  /** App-level token (`xapp-…`): when set, Socket Mode instead of HTTP. */
  appToken?: string;
  /** Bot ids; when both are set Bolt makes no `auth.test` call. */
  botId?: string;
  /** The bot's user id; goes with `botId`. */
  botUserId?: string;
  /** Where 9Proxy is and the key; ignored when `api` is given. */
  nineproxy?: { baseUrl: string; apiKey: string };
  /** The configs API to use instead of a client built from `nineproxy` (tests). */
  api?: ConfigsApi;
  /** Who may read and write. */
  access: AccessPolicy;
  /** Port of `/slack/events` and `/healthz`. Default 3000; 0 picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** The slash command. Default `/proxy`. */
  command?: string;
  /** pino logger for audit lines and events. Default: pino at `info` on stdout. */
  logger?: Logger;
  /** Prefixes a `response_url` must start with. Default `["https://hooks.slack.com/"]`. */
  responseUrlPrefixes?: string[];
  /** User group members lookup. Default: Slack's `usergroups.users.list`, cached 60 s. */
  usergroupMembers?: UsergroupMembers;
  /** Clock in ms. Default `Date.now`. */
  now?: () => number;
  /** The same create by the same user within this window asks first. Default 120 s. */
  duplicateCreateWindowMs?: number;
  /** Lifetime of confirmation buttons. Default 10 min. */
  buttonTtlMs?: number;
  /** Configs per `list` page. Default 20. */
  pageSize?: number;
  /** fetch used to post to `response_url`. Default global fetch. */
  fetch?: typeof fetch;
  /** How long `close()` waits for commands in flight. Default 10 s. */
  drainTimeoutMs?: number;
  /**
   * Base URL of Slack's Web API, for every call the bot makes to Slack: `apps.connections.open`
   * (Socket Mode's WebSocket URL), `usergroups.users.list`, and `auth.test` when `botId` is not
   * given. Default Slack's own, `https://slack.com/api/`. For tests against a local simulation of
   * Slack; not read from the environment.
   */
  slackApiUrl?: string;
  /**
   * Socket Mode: how long `startBot` waits for the socket to open before it gives up and
   * rejects. Default 30 s. (Slack's client retries some refusals, such as a revoked token or a
   * bot token given as the app token, forever.)
   */
  socketStartTimeoutMs?: number;
}

/** A running bot. */
export interface RunningBot {
  /** Base URL of the HTTP server (`/slack/events`, `/healthz`). */
  url: string;
  /** Stops taking requests, lets work in flight finish (bounded), and stops. */
  close(): Promise<void>;
}

/** Starts the `/proxy` bot: Bolt behind a verifying receiver (or Socket Mode), plus `/healthz`. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  if (!options.signingSecret) throw new EmptySigningSecretError();
  const logger = options.logger ?? pino({ level: "info" });
  const now = options.now ?? Date.now;
  const slash = options.command ?? "/proxy";
  const scrubber = new SecretScrubber(
    botSecrets({ ...options, apiKey: options.nineproxy?.apiKey }),
  );
  const scrub = (message: SlackMessage) => scrubber.value(message);
  const record = (entry: AuditEntry) => audit(logger, entry, scrubber);
  const api: ConfigsApi = options.api ?? buildApi(options, logger);

  const receiver = options.appToken
    ? undefined
    : new SignedHttpReceiver({
        signingSecret: options.signingSecret,
        port: options.port ?? 3000,
        host: options.host ?? "127.0.0.1",
        logger,
        now,
        drainTimeoutMs: options.drainTimeoutMs,
      });
  const bolt = boltLogger(logger, scrubber);
  const clientOptions = options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {};
  // note: built here, not by Bolt, to keep hold of its client: Bolt's stop() does not wait for
  // the socket to close
  const socket = options.appToken
    ? new SocketModeReceiver({
        appToken: options.appToken,
        logger: bolt,
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : undefined;
  // note: Bolt's own token check (auth.test in its constructor) rejects unhandled on a refused
  // token, crashing the process; without given ids the bot checks the token itself, below
  const ids =
    options.botId && options.botUserId
      ? { botId: options.botId, botUserId: options.botUserId, tokenVerificationEnabled: false }
      : { tokenVerificationEnabled: false };
  const app = new App({
    token: options.botToken,
    ...ids,
    receiver: receiver ?? socket,
    clientOptions: { ...clientOptions },
    logger: bolt,
    // note: no conversation state is used; skipping Bolt's store saves work on every request
    convoStore: false,
  });

  const members =
    options.usergroupMembers ??
    cachedMembers(async (usergroup) => {
      const result = await app.client.usergroups.users.list({ usergroup });
      return result.users ?? [];
    }, 60_000);
  const shared = {
    slash,
    api,
    policy: options.access,
    members,
    now,
    buttons: { key: buttonKey(options.signingSecret), ttlMs: options.buttonTtlMs ?? 10 * 60_000 },
    recentCreates: new RecentCreates(options.duplicateCreateWindowMs ?? 120_000),
    usedNonces: new NonceLedger(),
    pageSize: options.pageSize ?? 20,
    logger,
  };
  // work in flight (acked, not yet answered): close() waits for it in Socket Mode
  const inflight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inflight.add(work);
    try {
      await work;
    } finally {
      inflight.delete(work);
    }
  });
  const context = (caller: Caller, responseUrl: unknown): HandlerContext => ({
    ...shared,
    caller,
    respond: createResponder(responseUrl, {
      allowedPrefixes: options.responseUrlPrefixes ?? ["https://hooks.slack.com/"],
      logger,
      scrub,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  });

  // slash command: ack first (answering at once only what needs no call), then work
  app.command(slash, async ({ command, ack }) => {
    const started = now();
    const caller = { team: command.team_id, user: command.user_id, channel: command.channel_id };
    const parsed = parseCommand(command.text ?? "", slash);
    const base = { kind: "command" as const, ...caller };
    const read = canRead(options.access, caller);
    if (!read.allowed) {
      await ack(scrub(ephemeral(read.reason)));
      // note: parsed (never raw) arguments, so the audit shows what a stranger tried to run
      record({
        ...base,
        ...(parsed.ok ? { command: parsed.command.name, args: parsed.command } : { command: "?" }),
        result: "denied",
        durationMs: now() - started,
      });
      return;
    }
    if (!parsed.ok) {
      await ack(scrub(parseErrorMessage(parsed.error)));
      // note: scrubbed before the cut, so no part of a pasted secret is kept
      const token = parsed.error.token;
      const args = { token: token && scrubber.scrub(token).slice(0, 64) };
      const name = parsed.error.command ?? "?";
      record({
        ...base,
        command: name,
        args,
        result: "invalid",
        durationMs: now() - started,
      });
      return;
    }
    await ack();
    await nextTurn();
    const ctx = context(caller, command.response_url);
    const outcome = await guarded(ctx, () => runCommand(ctx, parsed.command));
    record({
      ...base,
      command: parsed.command.name,
      args: parsed.command,
      ...outcome,
      ...undelivered(ctx),
      durationMs: now() - started,
    });
  });

  // button clicks: ack first, then verify the signed value and act
  app.action(
    new RegExp(`^(${ACTION_IDS.map((id) => id.replace(/\./g, "\\.")).join("|")})$`),
    async ({ body, action, ack }) => {
      await ack();
      await nextTurn();
      const started = now();
      const click = readClick(body, action);
      const base = {
        kind: "action" as const,
        ...click.caller,
        command: click.actionId.replace(/^proxy\./, ""),
      };
      const ctx = context(click.caller, click.responseUrl);
      if (!canRead(options.access, click.caller).allowed) {
        record({ ...base, result: "denied", durationMs: now() - started });
        return;
      }
      const outcome = await guarded(ctx, () => runAction(ctx, click.actionId, click.value));
      record({ ...base, ...outcome, ...undelivered(ctx), durationMs: now() - started });
    },
  );

  // a refused bot token is a start error, before anything listens or connects
  if (!(options.botId && options.botUserId)) await checkBotToken(options.botToken, clientOptions);

  if (receiver) {
    await app.start();
    logger.info({ url: receiver.url, command: slash, mode: "http" }, "bot started");
    const close = async () => {
      await app.stop();
    };
    return { url: receiver.url, close };
  }
  const running = await startSocketMode({
    app,
    receiver: socket as SocketModeReceiver,
    port: options.port ?? 3000,
    host: options.host ?? "127.0.0.1",
    startTimeoutMs: options.socketStartTimeoutMs ?? 30_000,
    drainTimeoutMs: options.drainTimeoutMs ?? 10_000,
    inflight,
  });
  logger.info({ url: running.url, command: slash, mode: "socket" }, "bot started");
  return running;
}

/**
 * Waits for the next turn of the event loop. Work after an ack starts here, so that requests
 * arriving together are all acked before any of them spends time starting its API calls.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The audit field for replies the user never got, when there were any. */
function undelivered(ctx: HandlerContext): { repliesFailed?: number } {
  return ctx.respond.failed > 0 ? { repliesFailed: ctx.respond.failed } : {};
}

/** Runs a handler; any throw becomes a plain reply and a `failed` outcome (never a stack). */
async function guarded(ctx: HandlerContext, run: () => Promise<Outcome & { args?: unknown }>) {
  try {
    return await run();
  } catch (error) {
    ctx.logger.warn({ err: errorKind(error) }, "command failed");
    await ctx.respond.send(ephemeral(apiErrorText(error)));
    return { result: "failed" as const, detail: errorKind(error) };
  }
}

function buildApi(options: BotOptions, logger: Logger): ConfigsApi {
  if (!options.nineproxy) {
    throw new BotOptionsError(
      "startBot needs `nineproxy: { baseUrl, apiKey }` (the CLI reads NINEPROXY_BASE_URL and " +
        "NINEPROXY_API_KEY) or an `api`.",
    );
  }
  const client = createClient({
    apiKey: options.nineproxy.apiKey,
    baseUrl: options.nineproxy.baseUrl,
    logger: logger.child({ component: "client" }),
  });
  return client.configs;
}

/**
 * Asks Slack's `auth.test` once, with no retries and a time limit: Slack's client would otherwise
 * retry an unreachable Slack for about half an hour before `startBot` returned. Slack's own
 * answers (a refused token) are passed on as they are.
 */
async function checkBotToken(botToken: string, clientOptions: { slackApiUrl?: string }) {
  const client = new webApi.WebClient(botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
  try {
    await client.auth.test();
  } catch (error) {
    if ((error as { code?: unknown }).code === webApi.ErrorCode.PlatformError) throw error;
    throw new SlackUnreachableError({ cause: error });
  }
}
