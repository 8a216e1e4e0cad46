import { createHmac } from "node:crypto";

/** Signs like Slack does (written independently of src/, so the scheme is checked, not echoed). */
export function slackSign(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Options of one simulated Slack POST. */
export interface PostOptions {
  secret: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Override the signature header; `null` leaves it out. */
  signature?: string | null;
  /** Override the timestamp header; `null` leaves it out. */
  timestampHeader?: string | null;
  contentType?: string;
}

/** POSTs a form body to `/slack/events` exactly as Slack does; returns status, body and time. */
export async function postToSlackEndpoint(baseUrl: string, body: string, options: PostOptions) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/x-www-form-urlencoded",
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
  };
  const ts = options.timestampHeader === undefined ? timestamp : options.timestampHeader;
  if (ts !== null) headers["x-slack-request-timestamp"] = ts;
  const sig =
    options.signature === undefined
      ? slackSign(options.secret, timestamp, body)
      : options.signature;
  if (sig !== null) headers["x-slack-signature"] = sig;
  const started = performance.now();
  const response = await fetch(`${baseUrl}/slack/events`, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** Who sends a simulated command or click. */
export interface Sender {
  team?: string;
  user?: string;
  channel?: string;
}

/** The form body of a slash command, with the fields Slack sends. */
export function commandBody(
  text: string,
  responseUrl: string,
  who: Sender = {},
  command = "/proxy",
) {
  return new URLSearchParams(commandFields(text, responseUrl, who, command)).toString();
}

/**
 * The fields of a slash command, as Slack sends them: the form body over HTTP, and the very same
 * fields, all strings, as the `payload` object of a Socket Mode `slash_commands` envelope.
 */
export function commandFields(
  text: string,
  responseUrl: string,
  who: Sender = {},
  command = "/proxy",
): Record<string, string> {
  return {
    token: "verification-token-unused",
    team_id: who.team ?? "T0ALLOWED",
    team_domain: "acme",
    channel_id: who.channel ?? "C0OPS",
    channel_name: "ops",
    user_id: who.user ?? "U0WRITER",
    user_name: "writer",
    command,
    text,
    api_app_id: "A0APP",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  };
}

/** The form body of a `block_actions` click on a button, `payload=<json>` as Slack sends it. */
export function blockActionsBody(
  actionId: string,
  value: string,
  responseUrl: string,
  who: Sender = {},
) {
  const payload = blockActionsPayload(actionId, value, responseUrl, who);
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * The `block_actions` payload of a button click: JSON in the `payload` form field over HTTP, the
 * `payload` object of a Socket Mode `interactive` envelope.
 */
export function blockActionsPayload(
  actionId: string,
  value: string,
  responseUrl: string,
  who: Sender = {},
): Record<string, unknown> {
  const team = who.team ?? "T0ALLOWED";
  const payload = {
    type: "block_actions",
    user: { id: who.user ?? "U0WRITER", username: "writer", name: "writer", team_id: team },
    api_app_id: "A0APP",
    token: "verification-token-unused",
    container: {
      type: "message",
      message_ts: "1548261231.000200",
      channel_id: who.channel ?? "C0OPS",
      is_ephemeral: true,
    },
    trigger_id: "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
    team: { id: team, domain: "acme" },
    channel: { id: who.channel ?? "C0OPS", name: "ops" },
    is_enterprise_install: false,
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        block_id: "proxy.delete",
        action_id: actionId,
        text: { type: "plain_text", text: "Delete" },
        value,
        action_ts: "1548426417.840180",
      },
    ],
  };
  return payload;
}
