import type { Logger } from "pino";
import {
  type AccessDecision,
  type AccessPolicy,
  type Caller,
  canWrite,
  type UsergroupMembers,
} from "../access/policy.js";
import type { ConfigsApi } from "../api.js";
import type { AuditEntry } from "../audit.js";
import { ephemeral } from "../slack/message.js";
import type { Responder } from "../slack/response-url.js";
import type { NonceLedger } from "./nonce-ledger.js";
import type { RecentCreates } from "./recent-creates.js";

/** Everything a command or click handler needs, built per request. */
export interface HandlerContext {
  caller: Caller;
  slash: string;
  api: ConfigsApi;
  respond: Responder;
  policy: AccessPolicy;
  members: UsergroupMembers;
  now: () => number;
  buttons: { key: Buffer; ttlMs: number };
  recentCreates: RecentCreates;
  usedNonces: NonceLedger;
  pageSize: number;
  logger: Logger;
}

/** How a handler ended, for the audit line. */
export interface Outcome {
  result: AuditEntry["result"];
  detail?: string;
}

/** Whether the caller may create, update or delete here. */
export function writeAccess(ctx: HandlerContext): Promise<AccessDecision> {
  return canWrite(ctx.policy, ctx.caller, ctx.members);
}

/**
 * Checks write permission; when it is refused, tells the caller why and returns the `denied`
 * outcome, else returns undefined. `inPlace` answers a click: the prompt is replaced.
 */
export async function requireWrite(
  ctx: HandlerContext,
  inPlace = false,
): Promise<Outcome | undefined> {
  const write = await writeAccess(ctx);
  if (write.allowed) return undefined;
  const text = inPlace ? `${write.reason} Nothing was changed.` : write.reason;
  await ctx.respond.send(ephemeral(text, undefined, inPlace));
  return { result: "denied" };
}
