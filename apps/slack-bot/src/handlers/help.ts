import type { Command } from "../command/types.js";
import { helpMessage } from "../render/help.js";
import { type HandlerContext, type Outcome, writeAccess } from "./context.js";

/** `help`: usage and examples of the commands the caller may run. */
export async function runHelp(
  ctx: HandlerContext,
  command: Extract<Command, { name: "help" }>,
): Promise<Outcome> {
  const write = await writeAccess(ctx);
  await ctx.respond.send(helpMessage(write, ctx.slash, command.topic));
  return { result: "ok" };
}
