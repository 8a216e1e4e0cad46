import type { Command } from "../command/types.js";
import { verifyButtonValue } from "../slack/button-token.js";
import { ephemeral } from "../slack/message.js";
import { type HandlerContext, type Outcome, requireWrite } from "./context.js";
import { CREATE_CANCEL, CREATE_CONFIRM, runCreate } from "./create.js";
import { DELETE_CANCEL, DELETE_CONFIRM, type DeleteData, runDeleteConfirmed } from "./delete.js";

/** Action ids the bot answers. */
export const ACTION_IDS = [DELETE_CONFIRM, DELETE_CANCEL, CREATE_CONFIRM, CREATE_CANCEL] as const;

/** What an action handler reports for the audit line, beyond its outcome. */
export interface ActionOutcome extends Outcome {
  args?: unknown;
}

/**
 * A button click: the signed value must verify, be unexpired, come from the user who was asked,
 * and not have been acted on; write permission is checked again now.
 */
export async function runAction(
  ctx: HandlerContext,
  actionId: string,
  value: unknown,
): Promise<ActionOutcome> {
  const verdict = verifyButtonValue<unknown>(ctx.buttons.key, value, ctx.now());
  if (!verdict.ok) {
    const text =
      verdict.reason === "expired"
        ? "This confirmation expired: nothing was done. Run the command again."
        : "This button is not valid: nothing was done.";
    await ctx.respond.send(ephemeral(text, undefined, true));
    return { result: "invalid", detail: `button-${verdict.reason}` };
  }
  const operation = verdict.operation;
  const args = operation.data;
  const expectedOp = actionId.startsWith("proxy.delete.") ? "delete" : "create";
  if (operation.op !== expectedOp) {
    await ctx.respond.send(
      ephemeral("This button is not valid: nothing was done.", undefined, true),
    );
    return { result: "invalid", detail: "button-op-mismatch", args };
  }
  if (operation.user !== ctx.caller.user || operation.team !== ctx.caller.team) {
    await ctx.respond.send(ephemeral("Only the person who asked can answer this prompt."));
    return { result: "denied", detail: "other-user", args };
  }
  if (!ctx.usedNonces.claim(operation.nonce, operation.exp, ctx.now())) {
    return { result: "noop", detail: "already-handled", args };
  }

  if (actionId === DELETE_CANCEL || actionId === CREATE_CANCEL) {
    await ctx.respond.send(ephemeral("Cancelled: nothing was changed.", undefined, true));
    return { result: "cancelled", args };
  }
  const denied = await requireWrite(ctx, true);
  if (denied) return { ...denied, args };
  if (actionId === DELETE_CONFIRM) {
    return {
      ...(await runDeleteConfirmed(ctx, operation as typeof operation & { data: DeleteData })),
      args,
    };
  }
  const command = operation.data as Extract<Command, { name: "create" }>;
  return { ...(await runCreate(ctx, command, true)), args };
}
