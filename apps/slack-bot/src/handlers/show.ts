import { findConfig } from "../api.js";
import type { Command } from "../command/types.js";
import { configDetail, rangeText } from "../render/config.js";
import { ephemeral, header, sectionsOf } from "../slack/message.js";
import type { HandlerContext, Outcome } from "./context.js";

/** `show`: one config in full. */
export async function runShow(
  ctx: HandlerContext,
  command: Extract<Command, { name: "show" }>,
): Promise<Outcome> {
  const config = await findConfig(ctx.api, command.startPort);
  if (!config) {
    await ctx.respond.send(
      ephemeral(`No config starts at port ${command.startPort}. \`${ctx.slash} list\` shows them.`),
    );
    return { result: "noop", detail: "not-found" };
  }
  const title = `Config ${rangeText(config)}`;
  await ctx.respond.send(
    ephemeral(`${title}.`, [header(title), ...sectionsOf(configDetail(config))]),
  );
  return { result: "ok" };
}
