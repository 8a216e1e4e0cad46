import { COMMAND_NAMES, type CommandName, WRITE_COMMANDS } from "../command/types.js";
import { EXAMPLES, SUMMARY, usageOf } from "../command/usage-text.js";
import { context, ephemeral, type SlackMessage, section } from "../slack/message.js";

/** Help that lists only the commands the caller may run, with examples. */
export function helpMessage(canWrite: boolean, slash: string, topic?: CommandName): SlackMessage {
  const allowed = COMMAND_NAMES.filter((name) => canWrite || !WRITE_COMMANDS.has(name));
  const shown = topic ? allowed.filter((name) => name === topic) : allowed;
  if (topic && shown.length === 0) {
    return ephemeral(`You may not run \`${topic}\`. Try \`${slash} help\`.`);
  }
  const lines = shown.map((name) => {
    const examples = EXAMPLES[name].map((e) => `\`${slash} ${e}\``).join("  ");
    return `*\`${usageOf(name, slash)}\`*\n${SUMMARY[name]}  e.g. ${examples}`;
  });
  const blocks = lines.map(section);
  if (!canWrite && !topic) {
    blocks.push(context("create, update and delete need write permission: ask an admin."));
  }
  const fallback = `${slash} commands: ${shown.join(", ")}`;
  return ephemeral(fallback, blocks);
}
