import { describe, expect, it } from "vitest";
import { fastClient, ownServer } from "./helpers.js";

describe("what the transport sends", () => {
  /** A server that records each request's method, content type and body, and answers a Config. */
  async function recorder() {
    const seen: { method?: string; type?: string; body: string }[] = [];
    const server = await ownServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        seen.push({ method: req.method, type: req.headers["content-type"], body });
        const result = req.method === "GET" ? { items: [], total_items: 0, total_pages: 0 } : {};
        res
          .writeHead(200)
          .end(JSON.stringify({ success: true, result: { deleted: true, ...result } }));
      });
    });
    return { seen, server };
  }

  it.each([
    ["without middleware", false],
    ["with middleware on client.raw, which sees a real Request", true],
  ])(
    "sends a JSON body with its Content-Type, and none on a list, %s",
    async (_, withMiddleware) => {
      const { seen, server } = await recorder();
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
