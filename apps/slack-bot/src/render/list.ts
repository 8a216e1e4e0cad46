import type { Config } from "@nineproxy/api-types";
import type { Command } from "../command/types.js";
import { context, ephemeral, header, type SlackMessage, sectionsOf } from "../slack/message.js";
import { configLine } from "./config.js";
import { plural } from "./plural.js";

/** One page of configs as a message, with where to go next. */
export function listMessage(
  command: Extract<Command, { name: "list" }>,
  page: { items: Config[]; total_items: number; total_pages: number },
  slash: string,
): SlackMessage {
  const filter = command.country ? ` in ${command.country}` : "";
  if (page.items.length === 0) {
    const text =
      page.total_items === 0
        ? `No configs${filter}.`
        : `Page ${command.page} is past the end: there ${page.total_pages === 1 ? "is" : "are"} ` +
          `${plural(page.total_pages, "page")}${filter}.`;
    return ephemeral(text);
  }
  const where = `page ${command.page} of ${page.total_pages}`;
  const title = `Configs${filter}: ${where} (${page.total_items} in all)`;
  const blocks = [header(title), ...sectionsOf(page.items.map(configLine))];
  if (command.page < page.total_pages) {
    const next = [`page ${command.page + 1}`];
    if (command.sortBy) next.push(`sort ${command.sortBy}`);
    if (command.orderBy) next.push(command.orderBy);
    if (command.country) next.push(`country=${command.country}`);
    blocks.push(context(`Next: \`${slash} list ${next.join(" ")}\``));
  }
  return ephemeral(`${title}.`, blocks);
}
