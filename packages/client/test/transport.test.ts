import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fastClient, ownServer } from "./helpers.js";

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

describe("the client's own transport", () => {
  it("lets the process exit while its idle connections are still open", async () => {
    // a server that keeps idle connections for a minute: a pool that held the process open
    // would keep the child alive that long
    const server = await ownServer((_req, res) => {
      res
        .writeHead(200)
        .end(
          JSON.stringify({ success: true, result: { items: [], total_items: 0, total_pages: 0 } }),
        );
    }, 60_000);
    let child: ChildProcess | undefined;
    try {
      const script = [
        `import { createClient } from "@nineproxy/client";`,
        `const client = createClient({ apiKey: "k", baseUrl: ${JSON.stringify(server.url)} });`,
        `const page = await client.configs.list();`,
        `console.log(JSON.stringify(page));`,
      ].join("\n");
      const proc = spawn(
        process.execPath,
        ["--conditions=@nineproxy/source", "--import", "tsx", "--input-type=module", "-e", script],
        {
          cwd: fileURLToPath(new URL("..", import.meta.url)),
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      let out = "";
      child = proc;
      proc.stdout.on("data", (chunk) => {
        out += chunk;
      });
      const [code] = await once(proc, "exit");
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual({ items: [], total_items: 0, total_pages: 0 });
    } finally {
      child?.kill();
      await server.close();
    }
  }, 20_000);
});
