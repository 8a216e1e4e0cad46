import type { Config } from "@nineproxy/api-types";
import { portCount } from "@nineproxy/usage";
import { findConfigs } from "../api.js";
import type { Command } from "../command/types.js";
import { apiErrorText, errorKind, isOutcomeUnknown } from "../render/api-error.js";
import { configLine, rangeText } from "../render/config.js";
import { plural } from "../render/plural.js";
import { type PendingOperation, signButtonValue } from "../slack/button-token.js";
import { context, ephemeral, header, sectionsOf } from "../slack/message.js";
import { type HandlerContext, type Outcome, requireWrite } from "./context.js";

/** Action ids of the delete confirmation. */
export const DELETE_CONFIRM = "proxy.delete.confirm";
export const DELETE_CANCEL = "proxy.delete.cancel";

/** What the Delete button carries: the exact ranges shown, `[start, end, id]`. */
export interface DeleteData {
  ranges: [number, number | null, number | null][];
}

/** `delete`: shows exactly what would go and asks; nothing is deleted until the click. */
export async function runDeletePrompt(
  ctx: HandlerContext,
  command: Extract<Command, { name: "delete" }>,
): Promise<Outcome> {
  const denied = await requireWrite(ctx);
  if (denied) return denied;
  const found = await findConfigs(ctx.api, command.startPorts);
  const missing = command.startPorts.filter((port) => !found.has(port));
  const configs = command.startPorts.flatMap((port) => found.get(port) ?? []);
  if (configs.length === 0) {
    await ctx.respond.send(
      ephemeral(`No config starts at ${missing.join(", ")}: nothing to delete.`),
    );
    return { result: "noop", detail: "not-found" };
  }

  const ports = configs.reduce((sum, c) => sum + (portCount(c) ?? 0), 0);
  const data: DeleteData = {
    ranges: configs.map((c) => [c.start_port ?? 0, c.end_port ?? null, c.id ?? null]),
  };
  const value = signButtonValue(
    ctx.buttons.key,
    { op: "delete", ...ctx.caller, data },
    ctx.now(),
    ctx.buttons.ttlMs,
  );
  const title = `Delete ${plural(configs.length, "config")} (${plural(ports, "port")})?`;
  const minutes = Math.round(ctx.buttons.ttlMs / 60_000);
  const blocks = [
    header(title),
    ...sectionsOf(configs.map(configLine)),
    ...(missing.length > 0 ? [context(`Not found, skipped: ${missing.join(", ")}`)] : []),
    context(`These ports stop working at once. The buttons expire in ${minutes} min.`),
    {
      type: "actions" as const,
      block_id: "proxy.delete",
      elements: [
        {
          type: "button" as const,
          action_id: DELETE_CONFIRM,
          style: "danger" as const,
          value,
          text: plain("Delete"),
        },
        { type: "button" as const, action_id: DELETE_CANCEL, value, text: plain("Cancel") },
      ],
    },
  ];
  const fallback = `${title} ${configs.map(rangeText).join(", ")}`;
  await ctx.respond.send(ephemeral(fallback, blocks));
  return { result: "asked" };
}

/**
 * The Delete click: deletes only the ranges shown in the prompt that still exist unchanged,
 * so a second click (here or on another replica) finds nothing left to delete.
 */
export async function runDeleteConfirmed(
  ctx: HandlerContext,
  operation: PendingOperation<DeleteData>,
): Promise<Outcome> {
  const ranges = operation.data.ranges;
  const found = await findConfigs(
    ctx.api,
    ranges.map(([start]) => start),
  );
  const toDelete: Config[] = [];
  const gone: number[] = [];
  const changed: number[] = [];
  for (const [start, end, id] of ranges) {
    const config = found.get(start);
    if (!config) gone.push(start);
    else if ((config.end_port ?? null) !== end || (id !== null && config.id !== id))
      changed.push(start);
    else toDelete.push(config);
  }
  const notes = [
    ...(gone.length > 0 ? [`Already gone: ${gone.join(", ")}.`] : []),
    ...(changed.length > 0 ? [`Changed since the prompt, kept: ${changed.join(", ")}.`] : []),
  ];
  if (toDelete.length === 0) {
    const text = `Nothing deleted. ${notes.join(" ")}`;
    await ctx.respond.send(ephemeral(text, sectionsOf([text]), true));
    return { result: "noop", detail: gone.length > 0 ? "already-gone" : "changed" };
  }

  const startPorts = toDelete.map((c) => c.start_port ?? 0);
  try {
    await ctx.api.delete(startPorts);
    const text = `Deleted ${plural(toDelete.length, "config")}:`;
    await ctx.respond.send(deletedMessage(text, toDelete, notes));
    return { result: "ok" };
  } catch (error) {
    if (!isOutcomeUnknown(error)) {
      await ctx.respond.send(
        ephemeral(`${apiErrorText(error)} Nothing was deleted.`, undefined, true),
      );
      return { result: "failed", detail: errorKind(error) };
    }
    // the answer was lost: look at what is still there
    const after = await findConfigs(ctx.api, startPorts).catch(() => undefined);
    if (!after) {
      const text =
        "9Proxy did not confirm the delete and the bot could not check. " +
        `Run \`${ctx.slash} list\`.`;
      await ctx.respond.send(ephemeral(text, undefined, true));
      return { result: "unknown-outcome", detail: "unverified" };
    }
    const deleted = toDelete.filter((c) => !after.has(c.start_port ?? 0));
    const kept = toDelete.filter((c) => after.has(c.start_port ?? 0));
    const keptNote =
      kept.length > 0
        ? [`Still there (not deleted): ${kept.map((c) => c.start_port).join(", ")}.`]
        : [];
    const text = `9Proxy did not answer; checked: ${deleted.length} of ${toDelete.length} deleted.`;
    await ctx.respond.send(deletedMessage(text, deleted, [...notes, ...keptNote]));
    return { result: "unknown-outcome", detail: `deleted-${deleted.length}-of-${toDelete.length}` };
  }
}

function deletedMessage(title: string, configs: Config[], notes: string[]) {
  const lines = [title, ...configs.map(configLine), ...notes];
  return ephemeral(lines.join("\n"), sectionsOf(lines), true);
}

function plain(text: string) {
  return { type: "plain_text" as const, text };
}
