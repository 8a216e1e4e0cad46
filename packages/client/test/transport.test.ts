import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { describe, expect, it } from "vitest";
import { InvalidResponseError, TimeoutError } from "../src/index.js";
import { fastClient, ownServer, thrown } from "./helpers.js";

describe("what the transport sends", () => {
  /** A server that records each request's method, content type and body, and answers a Config. */
  async function recorder() {
    const seen: { method?: string; type?: string; body: string }[] = [];
    const agents: (string | undefined)[] = [];
    const server = await ownServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        seen.push({ method: req.method, type: req.headers["content-type"], body });
        agents.push(req.headers["user-agent"]);
        const result = req.method === "GET" ? { items: [], total_items: 0, total_pages: 0 } : {};
        res
          .writeHead(200)
          .end(JSON.stringify({ success: true, result: { deleted: true, ...result } }));
      });
    });
    return { seen, agents, server };
  }

  it.each([
    ["without middleware", false],
    ["with middleware on client.raw, which sees a real Request", true],
  ])(
    "sends a JSON body with its Content-Type, and none on a list, %s",
    async (_, withMiddleware) => {
      const { seen, agents, server } = await recorder();
      const requests: unknown[] = [];
      try {
        const client = fastClient(server.url);
        const middleware = {
          onRequest: ({ request }: { request: Request }) => void requests.push(request),
        };
        if (withMiddleware) client.raw.use(middleware);
        await client.configs.list();
        await client.configs.create({ quantity: 2, session_type: 1 });
        await client.configs.delete([10_000]);
        expect(seen).toEqual([
          { method: "GET", type: undefined, body: "" },
          { method: "POST", type: "application/json", body: '{"quantity":2,"session_type":1}' },
          { method: "DELETE", type: "application/json", body: '{"start_ports":[10000]}' },
        ]);
        expect(requests).toHaveLength(withMiddleware ? 3 : 0);
        for (const request of requests) expect(request).toBeInstanceOf(Request);
        // the client's own transport names itself; middleware means fetch, which says "node"
        expect(agents).toEqual(Array(3).fill(withMiddleware ? "node" : "nineproxy-client"));

        // once ejected, the middleware sees nothing more
        client.raw.eject(middleware);
        await client.configs.list();
        expect(requests).toHaveLength(withMiddleware ? 3 : 0);
      } finally {
        await server.close();
      }
    },
  );
});

/** A server keeping idle connections for a minute, answering every request with an empty page. */
function emptyPageServer() {
  return ownServer((_req, res) => {
    res.writeHead(200).end(JSON.stringify({ success: true, result: EMPTY }));
  }, 60_000);
}
const EMPTY = { items: [], total_items: 0, total_pages: 0 };

/** Runs an ES module script in a fresh Node process (the client importable); its exit and output. */
async function runScript(lines: string[]): Promise<{ code: number | null; out: string }> {
  let child: ChildProcess | undefined;
  try {
    const proc = spawn(
      process.execPath,
      [
        "--conditions=@nineproxy/source",
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        lines.join("\n"),
      ],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "pipe", "inherit"] },
    );
    child = proc;
    let out = "";
    proc.stdout.on("data", (chunk) => {
      out += chunk;
    });
    const [code] = (await once(proc, "exit")) as [number | null];
    return { code, out };
  } finally {
    child?.kill();
  }
}

/** An Agent that counts the requests it dispatches. */
class CountingAgent extends Agent {
  count = 0;
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    this.count++;
    return super.dispatch(options, handler);
  }
}

describe("the client's own transport", () => {
  // a pool that held the process open would keep the child alive as long as the server keeps the
  // idle connection: a minute, past the test's 20 s limit
  it("lets the process exit while its idle connections are still open", async () => {
    const server = await emptyPageServer();
    try {
      const { code, out } = await runScript([
        `import { createClient } from "@nineproxy/client";`,
        `const client = createClient({ apiKey: "k", baseUrl: ${JSON.stringify(server.url)} });`,
        `console.log(JSON.stringify(await client.configs.list()));`,
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual(EMPTY);
    } finally {
      await server.close();
    }
  }, 20_000);

  it("works on the dispatcher Node's fetch set up when fetch ran first, and keeps it", async () => {
    const server = await emptyPageServer();
    try {
      const { code, out } = await runScript([
        `import { createClient } from "@nineproxy/client";`,
        `const url = ${JSON.stringify(server.url)};`,
        `const slot = Symbol.for("undici.globalDispatcher.1");`,
        `await (await fetch(url)).text();`,
        `const before = globalThis[slot];`,
        `const client = createClient({ apiKey: "k", baseUrl: url });`,
        `const page = await client.configs.list();`,
        `console.log(JSON.stringify({ page, set: before !== undefined, kept: globalThis[slot] === before }));`,
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual({ page: EMPTY, set: true, kept: true });
    } finally {
      await server.close();
    }
  }, 20_000);

  it("sends through the dispatcher an app set with setGlobalDispatcher", async () => {
    const server = await emptyPageServer();
    const previous = getGlobalDispatcher();
    const counting = new CountingAgent();
    setGlobalDispatcher(counting);
    try {
      const client = fastClient(server.url);
      await client.configs.list();
      await client.configs.list();
      expect(counting.count).toBe(2);
    } finally {
      setGlobalDispatcher(previous);
      await counting.close();
      await server.close();
    }
  });

  it("sends through the dispatcher option instead of the global one", async () => {
    const server = await emptyPageServer();
    const own = new CountingAgent();
    const global = getGlobalDispatcher();
    const globalCount = new CountingAgent();
    setGlobalDispatcher(globalCount);
    try {
      const client = fastClient(server.url, { dispatcher: own });
      expect(await client.configs.list()).toEqual(EMPTY);
      expect([own.count, globalCount.count]).toEqual([1, 0]);
      // fetch is given it too: on client.raw, and for calls that middleware sees
      await client.raw.GET("/client/v1/proxy-connection/get-list");
      client.raw.use({ onRequest: () => undefined });
      expect(await client.configs.list()).toEqual(EMPTY);
      expect([own.count, globalCount.count]).toEqual([3, 0]);
    } finally {
      setGlobalDispatcher(global);
      await Promise.all([own.close(), globalCount.close(), server.close()]);
    }
  });

  describe("a compressed answer", () => {
    const body = JSON.stringify({ success: true, result: EMPTY });
    const ENCODERS: Record<string, (b: string) => Buffer> = {
      gzip: (b) => gzipSync(b),
      deflate: (b) => deflateSync(b),
      "raw deflate": (b) => deflateRawSync(b),
      br: (b) => brotliCompressSync(b),
      "deflate, gzip": (b) => gzipSync(deflateSync(b)),
    };
    const cases = Object.keys(ENCODERS).flatMap((coding) =>
      [false, true].map((viaFetch) => ({ coding, viaFetch })),
    );

    it.each(cases)("$coding (fetch: $viaFetch) is decoded", async ({ coding, viaFetch }) => {
      let asked: string | undefined;
      // note: compresses whatever was asked for, as some servers do
      const server = await ownServer((req, res) => {
        asked = req.headers["accept-encoding"];
        const header = coding === "raw deflate" ? "deflate" : coding;
        res.writeHead(200, { "content-encoding": header }).end(ENCODERS[coding]?.(body));
      });
      try {
        const client = fastClient(server.url, viaFetch ? { fetch: globalThis.fetch } : {});
        expect(await client.configs.list()).toEqual(EMPTY);
        expect(asked).toMatch(/gzip/);
      } finally {
        await server.close();
      }
    });
  });
});

describe("a compressed answer that is broken", () => {
  const ok = JSON.stringify({ success: true, result: EMPTY });
  const gzipped = gzipSync(ok);
  const cases = [
    ["cut short", gzipped.subarray(0, gzipped.length - 12), /got a body that is not JSON/],
    ["empty", Buffer.alloc(0), /got an empty body/],
  ] as const;

  it.each(cases)("%s reads as an InvalidResponseError on both transports", async (_, body, why) => {
    let hits = 0;
    const server = await ownServer((_req, res) => {
      hits++;
      res.writeHead(200, { "content-encoding": "gzip" }).end(body);
    });
    try {
      for (const via of [{}, { fetch: globalThis.fetch }]) {
        hits = 0;
        const error = await thrown(() => fastClient(server.url, via).configs.list());
        expect(error).toBeInstanceOf(InvalidResponseError);
        expect(error.message).toMatch(why);
        expect(hits).toBe(1);
      }
    } finally {
      await server.close();
    }
  });

  it("with a byte-order mark decodes on both transports", async () => {
    const server = await ownServer((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(`\ufeff${ok}`));
    });
    try {
      for (const via of [{}, { fetch: globalThis.fetch }]) {
        expect(await fastClient(server.url, via).configs.list()).toEqual(EMPTY);
      }
    } finally {
      await server.close();
    }
  });

  it("that cannot be decoded keeps its status on the client's own transport", async () => {
    // a 503 proves a create was not applied, so it is retried, garbled body or not
    let hits = 0;
    let garble: number | undefined = 503;
    const server = await ownServer((_req, res) => {
      hits++;
      if (garble !== undefined) {
        res.writeHead(garble, { "content-encoding": "gzip" }).end("%%");
        garble = undefined;
        return;
      }
      res.writeHead(200).end(JSON.stringify({ success: true, result: { start_port: 10_000 } }));
    });
    try {
      const client = fastClient(server.url);
      const created = await client.configs.create({ quantity: 1, session_type: 1 });
      expect(created).toEqual({ start_port: 10_000 });
      expect(hits).toBe(2);
      // a 200 whose body cannot be decoded is not the envelope, and says why
      hits = 0;
      garble = 200;
      const error = await thrown(() => client.configs.list());
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).bodySnippet).toMatch(/gzip body could not be decoded/);
      expect(hits).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("stops at the attempt's time limit while it streams in", async () => {
    // the first part of a gzip stream, then nothing more
    const server = await ownServer((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.write(gzipped.subarray(0, 12));
    });
    try {
      for (const via of [{}, { fetch: globalThis.fetch }]) {
        const client = fastClient(server.url, { ...via, timeoutMs: 100, maxAttempts: 1 });
        expect(await thrown(() => client.configs.list())).toBeInstanceOf(TimeoutError);
      }
    } finally {
      await server.close();
    }
  });
});
