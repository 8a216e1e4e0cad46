import type { Account } from "./account.js";
import { parseJsonBody } from "./body.js";
import { badRequest, forbidden, ok, type Reply } from "./reply.js";
import {
  parseCreate,
  parseDelete,
  parseListQuery,
  parseUpdate,
  type RequestLimits,
} from "./requests.js";
import type { Route } from "./routes.js";

/** Writes actually applied, per operation. */
export interface Applied {
  create: number;
  update: number;
  delete: number;
}

/** What the four operations need: the accounts by key, the limits, the clock and the counters. */
export interface ApiState {
  accounts: ReadonlyMap<string, Account>;
  limits: RequestLimits;
  now: () => number;
  applied: Applied;
}

/**
 * Answers one API request. Synchronous from authentication to the write, so concurrent requests
 * never see each other half-applied.
 */
export function handleApi(
  state: ApiState,
  route: Route,
  params: URLSearchParams,
  rawBody: string | undefined,
): Reply {
  // assumed: authentication is checked before anything else about the request
  const keys = params.getAll("api-key");
  // assumed: two keys are refused rather than one picked, as servers disagree on which wins
  if (keys.length > 1) return forbidden("api-key must be given once");
  const key = keys[0];
  if (key === undefined || key === "") return forbidden("api-key is required");
  const account = state.accounts.get(key);
  if (account === undefined) return forbidden("api-key is invalid");

  if (route === "list") return list(state, account, params);
  const body = parseJsonBody(rawBody);
  if (!body.ok) return badRequest([body.error]);
  if (route === "create") return create(state, account, body.value);
  if (route === "update") return update(state, account, body.value);
  return remove(state, account, body.value);
}

function list(state: ApiState, account: Account, params: URLSearchParams): Reply {
  const query = parseListQuery(params, state.limits);
  if (!query.ok) return badRequest(query.errors);
  const { sort_by, order_by, page, limit } = query.value;
  return ok(account.page(sort_by, order_by, page, limit));
}

function create(state: ApiState, account: Account, body: unknown): Reply {
  const input = parseCreate(body, state.limits);
  if (!input.ok) return badRequest(input.errors);
  const config = account.create(input.value.settings, input.value.quantity, nowSec(state));
  if (config === undefined) {
    return badRequest([
      `quantity ${input.value.quantity} does not fit: ` +
        "no server has that many contiguous free ports",
    ]);
  }
  state.applied.create++;
  return ok(config);
}

function update(state: ApiState, account: Account, body: unknown): Reply {
  const input = parseUpdate(body);
  if (!input.ok) return badRequest(input.errors);
  const { startPort, settings } = input.value;
  const config = account.update(startPort, settings, nowSec(state));
  // note: the vendor documents no 404, so an unknown start_port is a bad request
  if (config === undefined) return badRequest([`start_port ${startPort} matches no config`]);
  state.applied.update++;
  return ok(config);
}

function remove(state: ApiState, account: Account, body: unknown): Reply {
  const ports = parseDelete(body);
  if (!ports.ok) return badRequest(ports.errors);
  const missing = account.missing(ports.value);
  if (missing.length > 0) {
    return badRequest(missing.map((port) => `start_port ${port} matches no config`));
  }
  account.remove(ports.value);
  state.applied.delete++;
  return ok({ deleted: true });
}

function nowSec(state: ApiState): number {
  return Math.floor(state.now() / 1000);
}
