import type { IncomingMessage, ServerResponse } from "node:http";
import type { Account } from "./account.js";
import { parseJsonBody, readBody } from "./body.js";
import { FaultError } from "./errors.js";
import { type Fault, faultProblem } from "./fault.js";
import { parseFault } from "./fault-spec.js";
import { badRequest, fail, ok, type Reply, writeReply } from "./reply.js";
import type { Sandbox } from "./sandbox.js";
import type { SeedConfig } from "./seed.js";

/** What the admin endpoints reach into. */
export interface AdminContext {
  sandbox: Sandbox;
  accounts: ReadonlyMap<string, Account>;
}

/**
 * The sandbox's own endpoints under `/__sandbox/`, in the vendor's envelope. They need no api-key:
 * the sandbox only ever listens on a machine its user controls.
 */
export async function handleAdmin(
  ctx: AdminContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const text = await readBody(req);
  writeReply(res, adminReply(ctx, `${req.method} ${url.pathname}`, url, text));
}

function adminReply(ctx: AdminContext, target: string, url: URL, text: string | undefined): Reply {
  const { sandbox } = ctx;
  const faultId = /^DELETE \/__sandbox\/faults\/([^/]+)$/.exec(target)?.[1];
  if (faultId !== undefined) {
    if (sandbox.faults.remove(faultId)) return ok({ removed: faultId });
    return fail(404, "Not found", [`no active fault ${faultId}`]);
  }
  switch (target) {
    case "GET /__sandbox/state":
      return ok(state(ctx, url.searchParams.get("api-key")));
    case "GET /__sandbox/applied":
      return ok(sandbox.applied);
    case "GET /__sandbox/faults":
      return ok(sandbox.faults.list());
    case "POST /__sandbox/faults":
      return withJson(text, (body) => addFaults(ctx, body));
    case "DELETE /__sandbox/faults":
      sandbox.faults.clear();
      return ok({ cleared: true });
    case "POST /__sandbox/reset":
      sandbox.reset();
      return ok({ reset: true });
    case "POST /__sandbox/seed":
      return withJson(text, (body) => seed(ctx, body));
    default:
      return fail(404, "Not found", [`no sandbox endpoint ${target}; see the package README`]);
  }
}

function state(ctx: AdminContext, apiKey: string | null) {
  // note: accounts are listed by user_id; their keys are never echoed
  const accounts = [...ctx.accounts.values()].map((account) => ({
    user_id: account.userId,
    configs: account.size,
    free_ports: account.pool.freePorts,
  }));
  const result = { accounts, applied: ctx.sandbox.applied, faults: ctx.sandbox.faults.list() };
  if (apiKey === null || !ctx.accounts.has(apiKey)) return result;
  return { ...result, configs: ctx.sandbox.configs(apiKey) };
}

/** Body: a fault, `{ "spec": "create:status=503" }`, or an array of them. All or none. */
function addFaults(ctx: AdminContext, body: unknown): Reply {
  const faults: Fault[] = [];
  for (const item of Array.isArray(body) ? body : [body]) {
    try {
      const fault = toFault(item);
      const problem = faultProblem(fault);
      if (problem !== undefined) return badRequest([`invalid fault: ${problem}`]);
      faults.push(fault);
    } catch (error) {
      return badRequest([(error as Error).message]);
    }
  }
  return ok(faults.map((fault) => ctx.sandbox.faults.add(fault)));
}

function toFault(item: unknown): Fault {
  if (typeof item === "string") return parseFault(item);
  if (typeof item !== "object" || item === null) {
    throw new FaultError('each fault must be an object or { "spec": "list:status=503" }');
  }
  const spec = (item as { spec?: unknown }).spec;
  return typeof spec === "string" ? parseFault(spec) : (item as Fault);
}

/** Body: `{ "apiKey": "K", "count": 500 }` or `{ "apiKey": "K", "configs": [ ... ] }`. */
function seed(ctx: AdminContext, body: unknown): Reply {
  const { apiKey, count, configs } = (body ?? {}) as {
    apiKey?: unknown;
    count?: unknown;
    configs?: unknown;
  };
  if (typeof apiKey !== "string" || !ctx.accounts.has(apiKey)) {
    return badRequest(["apiKey must be one of the sandbox's api keys"]);
  }
  const what = Array.isArray(configs) ? (configs as SeedConfig[]) : count;
  if (typeof what !== "number" && !Array.isArray(what)) {
    return badRequest(["give count (a number) or configs (an array of partial configs)"]);
  }
  try {
    return ok({ seeded: ctx.sandbox.seed(apiKey, what).length });
  } catch (error) {
    return badRequest([(error as Error).message]);
  }
}

function withJson(text: string | undefined, then: (body: unknown) => Reply): Reply {
  const body = parseJsonBody(text);
  return body.ok ? then(body.value) : badRequest([body.error]);
}
