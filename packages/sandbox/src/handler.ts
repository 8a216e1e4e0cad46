import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { type AdminContext, handleAdmin } from "./admin.js";
import { type ApiState, handleApi } from "./api.js";
import { readBody } from "./body.js";
import type { FaultRegistry } from "./fault-registry.js";
import { faultReply } from "./fault-response.js";
import type { SandboxLogger } from "./options.js";
import { redactUrl } from "./redact.js";
import { fail, writeReply } from "./reply.js";
import { ROUTE_METHODS, routeOf } from "./routes.js";

/** Prefix of the sandbox's own endpoints, which need no api-key and take no faults. */
export const ADMIN_PREFIX = "/__sandbox/";

/** What the request pipeline needs from the sandbox. */
export interface HandlerContext {
  api: ApiState;
  faults: FaultRegistry;
  admin: AdminContext;
  logger?: SandboxLogger;
  /** Aborted when the sandbox closes, so injected latency does not hold it open. */
  closing: AbortSignal;
}

/** The node:http request listener: admin endpoints, then faults, then the vendor's API. */
export function createHandler(ctx: HandlerContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const seen: Seen = {};
    res.on("close", () => logRequest(ctx, req, res, started, seen));
    handle(ctx, req, res, seen).catch((error: unknown) => {
      if (ctx.closing.aborted) return;
      seen.err = error;
      if (!res.headersSent) writeReply(res, fail(500, "Internal sandbox error", [String(error)]));
      else res.destroy();
    });
  };
}

/** What the request line reports besides the request: the fault it met, the error it threw. */
interface Seen {
  kind?: string;
  err?: unknown;
}

async function handle(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  seen: Seen,
): Promise<void> {
  const url = requestUrl(req.url ?? "/");
  if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(ctx.admin, req, res, url);

  // assumed: the vendor's envelope for paths and methods the spec does not list
  const route = routeOf(url.pathname);
  if (route === undefined) {
    await readBody(req);
    return writeReply(res, fail(404, "Not found", [`no endpoint at ${url.pathname}`]));
  }
  const method = ROUTE_METHODS[route];
  if (req.method !== method) {
    await readBody(req);
    const reply = fail(405, "Method not allowed", [`${url.pathname} takes ${method} only`]);
    return writeReply(res, { ...reply, headers: { allow: method } });
  }

  const draw = ctx.faults.draw(route);
  seen.kind = draw.fault?.kind ?? (draw.delayMs > 0 ? "latency" : undefined);
  if (draw.delayMs > 0) await sleep(draw.delayMs, undefined, { signal: ctx.closing });
  const body = await readBody(req);
  const fault = draw.fault;
  if (fault?.kind === "reset-before") return void res.destroy();
  // the request stays open until the client gives up or the sandbox closes
  if (fault?.kind === "hang") return;
  if (fault !== undefined) {
    const reply = faultReply(fault, req.url ?? "/", ctx.api.now());
    // the API's own answer is dropped: the client only sees the fault
    if (reply !== undefined && "apply" in fault && fault.apply) {
      handleApi(ctx.api, route, url.searchParams, body);
    }
    if (reply !== undefined) return writeReply(res, reply);
  }

  const reply = handleApi(ctx.api, route, url.searchParams, body);
  if (fault?.kind === "reset-after") return void res.destroy();
  writeReply(res, reply);
}

function requestUrl(target: string): URL {
  // note: against a base, "//x/client/..." reads x as a host and the rest as the path
  const base = "http://sandbox.invalid";
  return target.startsWith("/") ? new URL(`${base}${target}`) : new URL(target, base);
}

function logRequest(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  started: number,
  seen: Seen,
): void {
  if (ctx.logger === undefined) return;
  ctx.logger.info(
    {
      method: req.method,
      url: redactUrl(req.url ?? ""),
      status: res.writableFinished ? res.statusCode : null,
      durationMs: Math.round(performance.now() - started),
      ...(seen.kind === undefined ? {} : { fault: seen.kind }),
      // note: `err`, as in the other packages' logs, so pino serialises it with its stack
      ...(seen.err === undefined ? {} : { err: seen.err }),
    },
    "request",
  );
}
