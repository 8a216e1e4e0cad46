import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/** One Web API call received by the simulated `https://slack.com/api/`. */
export interface ApiCall {
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** One message the app sent on the socket (an ack: `{ envelope_id, payload? }`). */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** Milliseconds from the envelope's send to this ack. */
  ms: number;
  raw: Record<string, unknown>;
}

/** An envelope pushed to the app and what came back for it. */
export interface Delivered {
  envelopeId: string;
  ack: SocketAck;
}

/**
 * Slack's Socket Mode, simulated on loopback: the Web API method `apps.connections.open` (app-level
 * token only, answering a single-use `ws://127.0.0.1:<port>/link/?ticket=…` URL), and the
 * WebSocket behind that URL, which greets with `hello`, pushes envelopes (`slash_commands`,
 * `interactive`, `disconnect`) shaped as Slack documents them, and records the app's acks.
 */
export interface SocketModeServer {
  /** Base of the simulated Web API, for the bot's `slackApiUrl` (ends with `/api/`). */
  apiUrl: string;
  /** Every Web API call, in order. */
  readonly calls: ApiCall[];
  /** Every message the app sent on any socket, in order. */
  readonly acks: SocketAck[];
  /** Every message the app sent that was not a well-formed ack. */
  readonly malformed: string[];
  /** Sockets opened so far (a reconnect opens another). */
  readonly opened: number;
  /** Sockets open now (not closing: no close frame received). */
  openSockets(): number;
  /** Close codes of the sockets closed so far (1000: the app closed cleanly). */
  readonly closeCodes: number[];
  /** Waits until `count` sockets have been opened and greeted. */
  waitForConnections(count?: number, timeoutMs?: number): Promise<void>;
  /** Waits until no socket is open. */
  waitForNoSocket(timeoutMs?: number): Promise<void>;
  /** Pushes a `slash_commands` envelope with `payload`; resolves with the app's ack. */
  slashCommand(payload: Record<string, string>, timeoutMs?: number): Promise<Delivered>;
  /** Pushes an `interactive` envelope with `payload`; resolves with the app's ack. */
  interactive(payload: Record<string, unknown>, timeoutMs?: number): Promise<Delivered>;
  /** Pushes any envelope (no wait). */
  push(envelope: Record<string, unknown>): void;
  /** Sends Slack's `disconnect` message (`refresh_requested`, `warning`, `link_disabled`). */
  disconnect(reason: string): void;
  close(): Promise<void>;
}

/** Who the simulated workspace knows, for the bot token's Web API calls. */
export interface SimulatedWorkspace {
  botToken: string;
  /** `usergroups.users.list`: members of each user group. */
  usergroups: Record<string, string[]>;
}

/** Starts the simulator; only `appToken` may open a connection. */
export async function startSocketModeServer(
  appToken: string,
  workspace: SimulatedWorkspace = { botToken: "", usergroups: {} },
): Promise<SocketModeServer> {
  const calls: ApiCall[] = [];
  const acks: SocketAck[] = [];
  const malformed: string[] = [];
  const tickets = new Set<string>();
  const sockets = new Set<WebSocket>();
  const sentAt = new Map<string, number>();
  const waiting = new Map<string, (ack: SocketAck) => void>();
  const closeCodes: number[] = [];
  let opened = 0;
  let greeted = 0;

  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      calls.push({
        method,
        authorization: req.headers.authorization,
        contentType: req.headers["content-type"],
        body,
      });
      const answer = (json: Record<string, unknown>) => {
        // note: the Web API answers 200 with `ok: false` for errors, as Slack does
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(json));
      };
      if (req.method !== "POST" || !(req.url ?? "").startsWith("/api/")) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
        return;
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (token === undefined) return answer({ ok: false, error: "not_authed" });
      if (method === "auth.test") {
        if (!workspace.botToken || token !== workspace.botToken) {
          return answer({ ok: false, error: "invalid_auth" });
        }
        return answer({
          ok: true,
          url: "https://acme.slack.com/",
          team: "Acme",
          user: "proxybot",
          team_id: "T0ALLOWED",
          user_id: "U0BOT",
          bot_id: "B0BOT",
          is_enterprise_install: false,
        });
      }
      if (method === "usergroups.users.list") {
        if (!workspace.botToken || token !== workspace.botToken) {
          return answer({ ok: false, error: "invalid_auth" });
        }
        const usergroup = new URLSearchParams(body).get("usergroup") ?? "";
        const users = workspace.usergroups[usergroup];
        return answer(users ? { ok: true, users } : { ok: false, error: "no_such_subteam" });
      }
      if (method !== "apps.connections.open") return answer({ ok: false, error: "unknown_method" });
      if (!token.startsWith("xapp-")) return answer({ ok: false, error: "not_allowed_token_type" });
      if (token !== appToken) return answer({ ok: false, error: "invalid_auth" });
      const ticket = randomUUID();
      tickets.add(ticket);
      answer({ ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=A0APP` });
    });
  });

  server.on("upgrade", (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const ticket = url.searchParams.get("ticket") ?? "";
    // a ticket opens one connection, once
    if (url.pathname !== "/link/" || !tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      opened += 1;
      sockets.add(ws);
      ws.on("close", (code) => {
        closeCodes.push(code);
        sockets.delete(ws);
      });
      ws.on("message", (data, isBinary) => {
        const text = isBinary ? "" : data.toString();
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(text) as Record<string, unknown>;
        } catch {
          malformed.push(text);
          return;
        }
        const id = message.envelope_id;
        if (typeof id !== "string" || !sentAt.has(id)) {
          malformed.push(text);
          return;
        }
        const payload = message.payload as Record<string, unknown> | undefined;
        const ack: SocketAck = {
          envelope_id: id,
          ...(payload === undefined ? {} : { payload }),
          ms: performance.now() - (sentAt.get(id) ?? 0),
          raw: message,
        };
        acks.push(ack);
        waiting.get(id)?.(ack);
        waiting.delete(id);
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: sockets.size,
          debug_info: {
            host: "applink-sim-1",
            build_number: 10,
            approximate_connection_time: 18060,
          },
          connection_info: { app_id: "A0APP" },
        }),
      );
      greeted += 1;
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  /** The socket envelopes go to: the newest open one (Slack picks any of the app's sockets). */
  const current = (): WebSocket => {
    const open = [...sockets].filter((s) => s.readyState === s.OPEN);
    const last = open.at(-1);
    if (!last) throw new Error("no Socket Mode connection is open");
    return last;
  };
  const deliver = (
    type: string,
    payload: Record<string, unknown>,
    acceptsResponsePayload: boolean,
    timeoutMs: number,
  ): Promise<Delivered> => {
    const envelopeId = randomUUID();
    const ack = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(envelopeId, (got) => {
        clearTimeout(timer);
        resolve(got);
      });
    });
    sentAt.set(envelopeId, performance.now());
    current().send(
      JSON.stringify({
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: acceptsResponsePayload,
      }),
    );
    return ack.then((got) => ({ envelopeId, ack: got }));
  };
  const until = async (ok: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    acks,
    malformed,
    get opened() {
      return opened;
    },
    openSockets: () => [...sockets].filter((s) => s.readyState === s.OPEN).length,
    closeCodes,
    waitForConnections: (count = 1, timeoutMs = 10_000) =>
      until(() => greeted >= count, `${count} Socket Mode connections`, timeoutMs),
    waitForNoSocket: (timeoutMs = 10_000) =>
      until(() => sockets.size === 0, "every socket to close", timeoutMs),
    slashCommand: (payload, timeoutMs = 3_000) =>
      deliver("slash_commands", payload, true, timeoutMs),
    interactive: (payload, timeoutMs = 3_000) => deliver("interactive", payload, false, timeoutMs),
    push(envelope) {
      current().send(JSON.stringify(envelope));
    },
    disconnect(reason) {
      current().send(
        JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-sim-1" } }),
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh `trigger_id`-like value. */
export function triggerId(): string {
  return `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString("hex")}`;
}
