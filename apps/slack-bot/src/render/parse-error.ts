import type { ParseError } from "../command/types.js";
import { ephemeral, escapeMrkdwn, type SlackMessage, section } from "../slack/message.js";

/** The reply to a command that did not parse: the problem, then the right usage. */
export function parseErrorMessage(error: ParseError): SlackMessage {
  const problem = escapeMrkdwn(error.message);
  const usage = `Usage: \`${escapeMrkdwn(error.usage)}\``;
  // note: the fallback is mrkdwn too (notifications), so it carries the escaped text as well
  return ephemeral(`${problem} Usage: ${escapeMrkdwn(error.usage)}`, [
    section(`${problem}\n${usage}`),
  ]);
}
