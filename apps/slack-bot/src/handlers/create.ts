import type { Config } from "@nineproxy/api-types";
import { portCount } from "@nineproxy/usage";
import type { Command } from "../command/types.js";
import { apiErrorText, errorKind, isOutcomeUnknown } from "../render/api-error.js";
import { configLine } from "../render/config.js";
import { signButtonValue } from "../slack/button-token.js";
import { ephemeral, escapeMrkdwn, section } from "../slack/message.js";
import { type HandlerContext, type Outcome, requireWrite } from "./context.js";
import { toCreateRequest } from "./requests.js";

type CreateCommand = Extract<Command, { name: "create" }>;

/** Action ids of the duplicate-create prompt. */
export const CREATE_CONFIRM = "proxy.create.confirm";
export const CREATE_CANCEL = "proxy.create.cancel";

/**
 * `create`: checks permission, asks before repeating the same create within the window, then
 * allocates; when the outcome is unknown, lists to tell the user what really happened.
 */
export async function runCreate(
  ctx: HandlerContext,
  command: CreateCommand,
  confirmed = false,
): Promise<Outcome> {
  const denied = await requireWrite(ctx);
  if (denied) return denied;

  // the same create by the same user within the window asks first
  const key = JSON.stringify([ctx.caller.team, ctx.caller.user, toCreateRequest(command)]);
  const last = ctx.recentCreates.lastWithin(key, ctx.now());
  if (!confirmed && last !== undefined) {
    await ctx.respond.send(duplicatePrompt(ctx, command, Math.round((ctx.now() - last) / 1000)));
    return { result: "asked", detail: "duplicate-create" };
  }
  ctx.recentCreates.record(key, ctx.now());

  const startedSec = Math.floor(ctx.now() / 1000);
  try {
    const config = await ctx.api.create(toCreateRequest(command));
    await ctx.respond.send(replyCreated(config, confirmed));
    return { result: "ok" };
  } catch (error) {
    if (!isOutcomeUnknown(error)) {
      ctx.recentCreates.forget(key);
      await ctx.respond.send(ephemeral(apiErrorText(error), undefined, confirmed));
      return { result: "failed", detail: errorKind(error) };
    }
    const found = await findCreated(ctx, command, startedSec).catch(() => undefined);
    if (found?.length === 0) ctx.recentCreates.forget(key);
    const text =
      found === undefined
        ? "9Proxy did not confirm the create and the bot could not check. " +
          `Run \`${ctx.slash} list sort created_at desc\` before trying again.`
        : found.length === 1 && found[0]
          ? `9Proxy did not answer, but the config was created:\n${configLine(found[0])}`
          : found.length === 0
            ? "9Proxy did not answer, and no new config appeared: nothing was created. " +
              "It is safe to run the command again."
            : `9Proxy did not answer; ${found.length} matching configs appeared since:\n` +
              found.map(configLine).join("\n");
    await ctx.respond.send(ephemeral(text, [section(text)], confirmed));
    const detail = found === undefined ? "unverified" : `found-${found.length}`;
    return { result: "unknown-outcome", detail };
  }
}

/** Lists the newest configs and keeps those matching the create, made since it started. */
async function findCreated(ctx: HandlerContext, command: CreateCommand, sinceSec: number) {
  const page = await ctx.api.list({ sort_by: "created_at", order_by: "desc", limit: 100 });
  const body = toCreateRequest(command);
  return page.items.filter(
    (c: Config) =>
      (c.created_at ?? 0) >= sinceSec - 5 &&
      portCount(c) === command.quantity &&
      (body.country_code === undefined || c.country_code === body.country_code) &&
      (body.proxy_type === undefined || c.proxy_type === body.proxy_type),
  );
}

function replyCreated(config: Config, replace: boolean) {
  const text = `Created ${configLine(config)}`;
  return ephemeral(text, [section(text)], replace);
}

function duplicatePrompt(ctx: HandlerContext, command: CreateCommand, secondsAgo: number) {
  const value = signButtonValue(
    ctx.buttons.key,
    { op: "create", ...ctx.caller, data: command },
    ctx.now(),
    ctx.buttons.ttlMs,
  );
  const what = `create ${command.quantity} port${command.quantity === 1 ? "" : "s"}`;
  const text =
    `You asked for the same \`${escapeMrkdwn(what)}\` ${secondsAgo} s ago. ` +
    "Allocate another range anyway?";
  return ephemeral(text, [
    section(text),
    {
      type: "actions",
      block_id: "proxy.create",
      elements: [
        {
          type: "button",
          action_id: CREATE_CONFIRM,
          style: "primary",
          value,
          text: plain("Create again"),
        },
        { type: "button", action_id: CREATE_CANCEL, value, text: plain("Cancel") },
      ],
    },
  ]);
}

function plain(text: string) {
  return { type: "plain_text" as const, text };
}
