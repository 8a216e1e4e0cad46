import type { Command } from "../command/types.js";
import type { HandlerContext, Outcome } from "./context.js";
import { runCreate } from "./create.js";
import { runDeletePrompt } from "./delete.js";
import { runHelp } from "./help.js";
import { runList } from "./list.js";
import { runShow } from "./show.js";
import { runUpdate } from "./update.js";
import { runUsage } from "./usage.js";

/** Runs a parsed command after the ack; every reply goes through `ctx.respond`. */
export function runCommand(ctx: HandlerContext, command: Command): Promise<Outcome> {
  switch (command.name) {
    case "help":
      return runHelp(ctx, command);
    case "list":
      return runList(ctx, command);
    case "show":
      return runShow(ctx, command);
    case "create":
      return runCreate(ctx, command);
    case "update":
      return runUpdate(ctx, command);
    case "delete":
      return runDeletePrompt(ctx, command);
    case "usage":
      return runUsage(ctx);
  }
}
