import type { AccessDecision } from "../access/policy.js";
import { COMMAND_NAMES, type CommandName, WRITE_COMMANDS } from "../command/types.js";
import { EXAMPLES, SUMMARY, usageOf } from "../command/usage-text.js";
import { context, ephemeral, type SlackMessage, section } from "../slack/message.js";

/**
 * Help that lists only the commands the caller may run, with examples; when writes are hidden
 * it says why (the user, the channel or a failed group lookup), since each has another fix.
 */
export function helpMessage(
  write: AccessDecision,
  slash: string,
  topic?: CommandName,
): SlackMessage {
  const canWrite = write.allowed;
  const why = write.allowed ? "" : write.reason;
  const allowed = COMMAND_NAMES.filter((name) => canWrite || !WRITE_COMMANDS.has(name));
  const shown = topic ? allowed.filter((name) => name === topic) : allowed;
  if (topic && shown.length === 0) {
    return ephemeral(`You may not run \`${topic}\` here: ${why}`);
  }
  const lines = shown.map((name) => {
    const examples = EXAMPLES[name].map((e) => `\`${slash} ${e}\``).join("  ");
    return `*\`${usageOf(name, slash)}\`*\n${SUMMARY[name]}  e.g. ${examples}`;
  });
  const blocks = lines.map(section);
  if (!canWrite && !topic) {
    blocks.push(context(`create, update and delete are not available to you here: ${why}`));
  }
  const fallback = `${slash} commands: ${shown.join(", ")}`;
  return ephemeral(fallback, blocks);
}
