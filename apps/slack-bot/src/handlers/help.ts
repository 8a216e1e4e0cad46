import { canWrite } from "../access/policy.js";
import type { Command } from "../command/types.js";
import { helpMessage } from "../render/help.js";
import type { HandlerContext, Outcome } from "./context.js";

/** `help`: usage and examples of the commands the caller may run. */
export async function runHelp(
  ctx: HandlerContext,
  command: Extract<Command, { name: "help" }>,
): Promise<Outcome> {
  const write = await canWrite(ctx.policy, ctx.caller, ctx.members);
  await ctx.respond.send(helpMessage(write, ctx.slash, command.topic));
  return { result: "ok" };
}
