import type { Config } from "@nineproxy/api-types";
import { summarize } from "@nineproxy/usage";
import { usageMessage } from "../render/usage.js";
import type { HandlerContext, Outcome } from "./context.js";

/** `usage`: ports by country, session mode and server, by the exporter's own `summarize`. */
export async function runUsage(ctx: HandlerContext): Promise<Outcome> {
  const configs: Config[] = [];
  for await (const config of ctx.api.items()) configs.push(config);
  await ctx.respond.send(usageMessage(summarize(configs)));
  return { result: "ok" };
}
