import type { Config } from "@nineproxy/api-types";
import type { Command } from "../command/types.js";
import { listMessage } from "../render/list.js";
import type { HandlerContext, Outcome } from "./context.js";

/** `list`: one page of configs; a country filter walks the whole list (the API cannot filter). */
export async function runList(
  ctx: HandlerContext,
  command: Extract<Command, { name: "list" }>,
): Promise<Outcome> {
  const query = {
    ...(command.sortBy ? { sort_by: command.sortBy } : {}),
    ...(command.orderBy ? { order_by: command.orderBy } : {}),
  };
  if (!command.country) {
    const page = await ctx.api.list({ ...query, page: command.page, limit: ctx.pageSize });
    await ctx.respond.send(listMessage(command, page, ctx.slash));
    return { result: "ok" };
  }
  const matching: Config[] = [];
  for await (const config of ctx.api.items(query)) {
    if (config.country_code?.toUpperCase() === command.country) matching.push(config);
  }
  const start = (command.page - 1) * ctx.pageSize;
  const page = {
    items: matching.slice(start, start + ctx.pageSize),
    total_items: matching.length,
    total_pages: Math.ceil(matching.length / ctx.pageSize),
  };
  await ctx.respond.send(listMessage(command, page, ctx.slash));
  return { result: "ok" };
}
