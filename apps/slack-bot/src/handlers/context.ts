import type { Logger } from "pino";
import type { AccessPolicy, Caller, UsergroupMembers } from "../access/policy.js";
import type { ConfigsApi } from "../api.js";
import type { AuditEntry } from "../audit.js";
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
