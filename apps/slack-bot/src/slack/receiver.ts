import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import type { Logger } from "pino";
import { EmptySigningSecretError, NotListeningError } from "../errors.js";
import { ReplayGuard } from "./replay-guard.js";
import { SIGNATURE_WINDOW_SECONDS, verifySlackSignature } from "./signature.js";

/** Options of the signed HTTP receiver. */
export interface SignedReceiverOptions {
  /** Slack app signing secret; must not be empty. */
  signingSecret: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Path Slack posts commands and interactions to. Default `/slack/events`. */
  path?: string;
  logger: Logger;
  /** Clock in ms, for the signature window. Default `Date.now`. */
  now?: () => number;
  /** Largest accepted body in bytes. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** How long `stop()` waits for work in flight, in ms. Default 10 s. */
  drainTimeoutMs?: number;
}

const FORM = "application/x-www-form-urlencoded";

/**
 * Bolt receiver on node:http that verifies every request itself (v0, 5-minute window both ways)
 * before Bolt sees it, answers `ssl_check`, and serves `/healthz`.
 */
export class SignedHttpReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private closing = false;
  private readonly inflight = new Set<Promise<void>>();
  private readonly path: string;
  private readonly now: () => number;
  private readonly bodyLimit: number;
  private readonly replays = new ReplayGuard(SIGNATURE_WINDOW_SECONDS);

  constructor(private readonly options: SignedReceiverOptions) {
    if (!options.signingSecret) throw new EmptySigningSecretError();
    this.path = options.path ?? "/slack/events";
    this.now = options.now ?? Date.now;
    this.bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  }

  /** Called by Bolt with the app to dispatch to. */
  init(app: App): void {
    this.app = app;
  }

  /** Starts listening; resolves with the server once bound. */
  async start(): Promise<Server> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.logger.error({ err: errorName(error) }, "receiver failed");
        if (!res.headersSent) send(res, 500, "internal error");
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    return server;
  }

  /** Base URL the server listens on, e.g. `http://127.0.0.1:3000`. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new NotListeningError();
    return `http://${address.address}:${address.port}`;
  }

  /** Stops accepting requests, waits for work in flight (bounded), then closes. */
  async stop(): Promise<void> {
    this.closing = true;
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const drain = Promise.allSettled([...this.inflight]);
    const timeout = new Promise((resolve) =>
      setTimeout(resolve, this.options.drainTimeoutMs ?? 10_000).unref(),
    );
    await Promise.race([drain, timeout]);
    server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") {
      return send(res, this.closing ? 503 : 200, this.closing ? "closing" : "ok");
    }
    if (url.pathname !== this.path) return send(res, 404, "not found");
    if (req.method !== "POST") return send(res, 405, "method not allowed");
    if (this.closing) return send(res, 503, "closing");

    const raw = await readBody(req, this.bodyLimit);
    if (raw === undefined) return send(res, 413, "body too large");
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();

    // note: Slack's ssl_check carries no signature to check and asks for nothing but a 200
    if (contentType === FORM && parseQuery(raw.toString("utf8")).ssl_check === "1") {
      return send(res, 200, "");
    }

    const timestamp = header(req, "x-slack-request-timestamp");
    const signature = header(req, "x-slack-signature");
    const nowMs = this.now();
    const verdict = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      timestamp,
      signature,
      rawBody: raw,
      nowMs,
    });
    if (!verdict.ok) {
      this.options.logger.warn({ reason: verdict.reason, path: url.pathname }, "request refused");
      return send(res, 401, "invalid signature");
    }
    // a verified request has both headers; the same signature again is a replay
    if (!this.replays.claim(signature ?? "", Number(timestamp), nowMs)) {
      this.options.logger.warn({ reason: "replayed", path: url.pathname }, "request refused");
      return send(res, 401, "replayed request");
    }

    const body = parseBody(contentType, raw);
    if (body === undefined) return send(res, 400, "unreadable body");
    if (body.type === "url_verification" && typeof body.challenge === "string") {
      return sendJson(res, { challenge: body.challenge });
    }
    this.dispatch(body, req, res);
  }

  private dispatch(body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) {
    const app = this.app;
    if (!app) return send(res, 503, "not ready");
    let acked = false;
    const event: ReceiverEvent = {
      body,
      retryNum: retryNumber(req),
      retryReason: header(req, "x-slack-retry-reason"),
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response === undefined || response === "") send(res, 200, "");
        else if (typeof response === "string") send(res, 200, response);
        else sendJson(res, response);
      },
    };
    const work = app
      .processEvent(event)
      .then(() => {
        if (!acked) send(res, 404, "no handler");
      })
      .catch((error: unknown) => {
        this.options.logger.error({ err: errorName(error) }, "event processing failed");
        if (!acked) send(res, 500, "internal error");
      })
      .finally(() => this.inflight.delete(work));
    this.inflight.add(work);
  }
}

function parseBody(
  contentType: string | undefined,
  raw: Buffer,
): Record<string, unknown> | undefined {
  try {
    const text = raw.toString("utf8");
    if (contentType === FORM) {
      const fields = parseQuery(text);
      if (typeof fields.payload === "string") return asObject(JSON.parse(fields.payload));
      const flat: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields)) {
        flat[key] = Array.isArray(value) ? value[0] : value;
      }
      return flat;
    }
    if (contentType === "application/json") return asObject(JSON.parse(text));
    return undefined;
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? undefined : value;
}

function retryNumber(req: IncomingMessage): number | undefined {
  const value = header(req, "x-slack-retry-num");
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function send(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

function sendJson(res: ServerResponse, value: unknown): void {
  if (res.headersSent) return;
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(value));
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
