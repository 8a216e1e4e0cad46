import type { AccessPolicy } from "../access/policy.js";

/** Everything the CLI reads from the environment, validated. */
export interface EnvConfig {
  signingSecret: string;
  botToken: string;
  /** Set: Socket Mode; unset: HTTP on `/slack/events`. */
  appToken?: string;
  /** Set both to skip Bolt's `auth.test` at start (no call to Slack before the first command). */
  botId?: string;
  botUserId?: string;
  baseUrl: string;
  apiKey: string;
  access: AccessPolicy;
  port: number;
  host: string;
  command: string;
  logLevel: string;
}

/** Result of reading the environment: a config, or one clear line per problem. */
export type EnvResult = { ok: true; config: EnvConfig } | { ok: false; errors: string[] };

/** Token-shaped (`xoxb-…`, `xapp-…`) or longer than any Slack ID: never echoed. */
const SECRET_LIKE = /^(xox[a-z]-|xapp-)|^.{21,}$/i;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Reads and validates the bot's environment variables. Secrets never appear in the errors. */
export function loadEnv(env: Record<string, string | undefined>): EnvResult {
  const errors: string[] = [];
  const required = (name: string, hint: string): string => {
    const value = env[name]?.trim() ?? "";
    if (value === "") errors.push(`${name} is not set: ${hint}`);
    return value;
  };

  const signingSecret = required(
    "SLACK_SIGNING_SECRET",
    "copy it from your Slack app's Basic Information → App Credentials.",
  );
  const botToken = required("SLACK_BOT_TOKEN", "copy the xoxb- token from OAuth & Permissions.");
  if (botToken !== "" && !botToken.startsWith("xoxb-")) {
    errors.push("SLACK_BOT_TOKEN must be a bot token starting with xoxb-.");
  }
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  if (appToken !== undefined && !appToken.startsWith("xapp-")) {
    errors.push("SLACK_APP_TOKEN must be an app-level token starting with xapp- (or unset).");
  }
  const botId = env.SLACK_BOT_ID?.trim() || undefined;
  const botUserId = env.SLACK_BOT_USER_ID?.trim() || undefined;
  if ((botId === undefined) !== (botUserId === undefined)) {
    errors.push("SLACK_BOT_ID and SLACK_BOT_USER_ID go together: set both or neither.");
  }

  const baseUrl = required(
    "NINEPROXY_BASE_URL",
    "the API's base URL, e.g. https://api.9proxy.com or http://127.0.0.1:4010 for the sandbox.",
  );
  if (baseUrl !== "" && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(baseUrl)) {
    errors.push(
      "NINEPROXY_BASE_URL must be an http(s) URL without query, e.g. https://api.9proxy.com.",
    );
  }
  const apiKey = required("NINEPROXY_API_KEY", "the API key from your 9Proxy dashboard.");

  const teamIds = idList(env, "SLACK_ALLOWED_TEAM_IDS", /^[TE][A-Z0-9]{2,}$/, errors);
  if (teamIds.size === 0 && !errors.some((e) => e.startsWith("SLACK_ALLOWED_TEAM_IDS"))) {
    errors.push(
      "SLACK_ALLOWED_TEAM_IDS is empty: list the workspace IDs (T…) that may use the bot.",
    );
  }
  const writeUserIds = idList(env, "SLACK_WRITE_USER_IDS", /^[UW][A-Z0-9]{2,}$/, errors);
  const writeUsergroupIds = idList(env, "SLACK_WRITE_USERGROUP_IDS", /^S[A-Z0-9]{2,}$/, errors);
  const channels = env.SLACK_WRITE_CHANNEL_IDS?.trim();
  const writeChannelIds =
    channels === "*"
      ? "any"
      : idList(env, "SLACK_WRITE_CHANNEL_IDS", /^[CGD][A-Z0-9]{2,}$/, errors);

  const portText = env.PORT?.trim() || "3000";
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    errors.push(`PORT must be a number from 0 to 65535 (got ${portText}).`);
  const host = env.HOST?.trim() || "127.0.0.1";
  const command = env.SLACK_COMMAND?.trim() || "/proxy";
  if (!/^\/[a-z0-9_-]{1,31}$/.test(command)) {
    errors.push(`SLACK_COMMAND must look like /proxy (got ${command}).`);
  }
  const logLevel = env.LOG_LEVEL?.trim() || "info";
  if (!LOG_LEVELS.includes(logLevel))
    errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}.`);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      signingSecret,
      botToken,
      ...(appToken ? { appToken } : {}),
      ...(botId && botUserId ? { botId, botUserId } : {}),
      baseUrl,
      apiKey,
      access: { teamIds, writeUserIds, writeUsergroupIds, writeChannelIds },
      port,
      host,
      command,
      logLevel,
    },
  };
}

function idList(
  env: Record<string, string | undefined>,
  name: string,
  shape: RegExp,
  errors: string[],
): Set<string> {
  const ids = (env[name] ?? "")
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== "");
  for (const id of ids) {
    if (shape.test(id)) continue;
    // note: a token or secret pasted into the wrong variable must not reach the terminal or logs
    errors.push(
      SECRET_LIKE.test(id)
        ? `${name}: an entry of ${id.length} characters is not a Slack ID of the right kind ` +
            "(not shown: it looks like a token or secret)."
        : `${name}: \`${id}\` is not a Slack ID of the right kind.`,
    );
  }
  return new Set(ids);
}
