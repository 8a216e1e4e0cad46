import type { SlackMessage } from "./slack/message.js";

/** Replaces every occurrence of each secret (4+ chars) in text with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

/** Makes the last-pass scrubber applied to every outgoing Slack message. */
export function messageScrubber(secrets: readonly string[]): (m: SlackMessage) => SlackMessage {
  return (message) => JSON.parse(redactSecrets(JSON.stringify(message), secrets.map(jsonEscaped)));
}

function jsonEscaped(secret: string): string {
  return JSON.stringify(secret).slice(1, -1);
}
