import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { blockKitProblems } from "./block-kit.js";

/** One message received on a simulated response_url. */
export interface Received {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/** A refused post, and why. */
export interface Refusal {
  id: string;
  status: number;
  reason: string;
}

/**
 * Slack's response_url, simulated on loopback: each URL takes at most 5 posts within 30 minutes
 * of its creation, JSON only, and every message must have fallback text and respect Block Kit.
 */
export interface ResponseUrlServer {
  url: string;
  /** A fresh response_url. */
  newUrl(): string;
  /** Messages accepted on a URL, in order. */
  messages(url: string): Received[];
  /** Every message accepted, all URLs. */
  readonly all: Received[];
  /** Every refused post. */
  readonly refusals: Refusal[];
  /** Waits until a URL holds `count` messages (or fails after `timeoutMs`). */
  waitFor(url: string, count?: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/**
 * Starts the simulated response_url server; `now` lets tests move the clock. With `autoRegister`
 * (benchmarks in another process), a URL is issued at its first post instead of by `newUrl()`.
 */
export async function startResponseUrlServer(
  now: () => number = Date.now,
  autoRegister = false,
): Promise<ResponseUrlServer> {
  const created = new Map<string, number>();
  const byId = new Map<string, Received[]>();
  const all: Received[] = [];
  const refusals: Refusal[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/__stats") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ accepted: all.length, refused: refusals.length }));
        return;
      }
      const id = (req.url ?? "").split("/").slice(-2).join("/");
      if (autoRegister && !created.has(id)) created.set(id, now());
      const refuse = (status: number, reason: string) => {
        refusals.push({ id, status, reason });
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(reason);
      };
      const born = created.get(id);
      if (req.method !== "POST" || born === undefined) return refuse(404, "no_such_url");
      if (now() - born > 30 * 60_000) return refuse(404, "expired_url");
      const used = byId.get(id) ?? [];
      if (used.length >= 5) return refuse(404, "used_url");
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
        return refuse(400, "invalid_content_type");
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return refuse(400, "invalid_json");
      }
      const problems = blockKitProblems(body);
      if (problems.length > 0) return refuse(400, `invalid_blocks: ${problems.join("; ")}`);
      const received = { id, body, at: now() };
      used.push(received);
      byId.set(id, used);
      all.push(received);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const idOf = (url: string) => url.split("/").slice(-2).join("/");
  return {
    url: base,
    newUrl() {
      const id = `${randomBytes(6).toString("hex")}/${randomBytes(12).toString("hex")}`;
      created.set(id, now());
      return `${base}/commands/T0ALLOWED/${id}`;
    },
    messages: (url) => [...(byId.get(idOf(url)) ?? [])],
    all,
    refusals,
    async waitFor(url, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const got = byId.get(idOf(url)) ?? [];
        if (got.length >= count) return [...got];
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(
        `response_url got ${(byId.get(idOf(url)) ?? []).length} of ${count} messages`,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
