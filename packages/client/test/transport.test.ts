import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import {
  Agent,
  type Dispatcher,
  getGlobalDispatcher,
  interceptors,
  setGlobalDispatcher,
} from "undici";
import { describe, expect, it } from "vitest";
import { RedirectError } from "../src/index.js";
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

/** Runs an ES module in a fresh Node process (the client importable): its exit code and output. */
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
        `const kept = globalThis[slot] === before;`,
        `console.log(JSON.stringify({ page, set: before !== undefined, kept }));`,
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

  it("does not follow a redirect even on a dispatcher that would", async () => {
    // the key would travel to wherever Location points
    let elsewhereHits = 0;
    const elsewhere = await ownServer((_req, res) => {
      elsewhereHits++;
      res.writeHead(200).end(JSON.stringify({ success: true, result: EMPTY }));
    });
    const server = await ownServer((req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}${req.url}` }).end();
    });
    const following = new Agent().compose(interceptors.redirect({ maxRedirections: 3 }));
    try {
      const client = fastClient(server.url, { dispatcher: following });
      expect(await thrown(() => client.configs.list())).toBeInstanceOf(RedirectError);
      expect(elsewhereHits).toBe(0);
    } finally {
      await Promise.all([following.close(), server.close(), elsewhere.close()]);
    }
  });
});
