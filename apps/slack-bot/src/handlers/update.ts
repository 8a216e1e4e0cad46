import { findConfig } from "../api.js";
import type { Command } from "../command/types.js";
import { apiErrorText, errorKind } from "../render/api-error.js";
import { configLine } from "../render/config.js";
import { ephemeral, section } from "../slack/message.js";
import { type HandlerContext, type Outcome, requireWrite } from "./context.js";
import { toUpdateRequest } from "./requests.js";

/** `update`: changes targeting or session of the config starting at a port. */
export async function runUpdate(
  ctx: HandlerContext,
  command: Extract<Command, { name: "update" }>,
): Promise<Outcome> {
  const denied = await requireWrite(ctx);
  if (denied) return denied;
  const current = await findConfig(ctx.api, command.startPort);
  if (!current) {
    await ctx.respond.send(
      ephemeral(`No config starts at port ${command.startPort}: nothing was changed.`),
    );
    return { result: "noop", detail: "not-found" };
  }
  const body = toUpdateRequest(command, current);
  if (!body) {
    await ctx.respond.send(
      ephemeral("This config's session mode is unknown: say `sticky` or `rotating` in the update."),
    );
    return { result: "invalid", detail: "session-unknown" };
  }
  try {
    const updated = await ctx.api.update(body);
    const text = `Updated ${configLine({ ...current, ...updated })}`;
    await ctx.respond.send(ephemeral(text, [section(text)]));
    return { result: "ok" };
  } catch (error) {
    await ctx.respond.send(ephemeral(apiErrorText(error)));
    return { result: "failed", detail: errorKind(error) };
  }
}
