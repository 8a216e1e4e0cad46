import { describe, expect, it } from "vitest";
import { RedirectError, RedirectLoopError } from "../src/index.js";
import { CANARY, fastClient, ownServer, thrown } from "./helpers.js";

describe("redirects are never followed", () => {
  it.each([
    [301, "/elsewhere"],
    [307, "http://127.0.0.2:9/client/v1/proxy-connection/get-list"],
  ])(
    "a %i to another URL is a RedirectError naming where, with one request sent",
    async (status, to) => {
      let requests = 0;
      const server = await ownServer((_, res) => {
        requests++;
        res.writeHead(status, { location: `${to}?api-key=${CANARY}` }).end();
      });
      try {
        const error = await thrown(() => fastClient(server.url).configs.list());
        expect(error).toBeInstanceOf(RedirectError);
        expect(error).not.toBeInstanceOf(RedirectLoopError);
        expect((error as RedirectError).location).toBe(`${to}?api-key=[REDACTED]`);
        expect(requests).toBe(1);
      } finally {
        await server.close();
      }
    },
  );

  it("a redirect to the same URL without the key (or with params reordered) is a loop", async () => {
    const server = await ownServer((req, res) => {
      const url = new URL(req.url ?? "", "http://x");
      url.searchParams.delete("api-key");
      res.writeHead(308, { location: `${url.pathname}?page=1&limit=100` }).end();
    });
    try {
      const error = await thrown(() => fastClient(server.url).configs.list({ page: 1 }));
      expect(error).toBeInstanceOf(RedirectLoopError);
      expect(error).toMatchObject({ status: 308, attempts: 1 });
    } finally {
      await server.close();
    }
  });
});

describe("where the key travels", () => {
  it("is added by the transport last, so middleware on client.raw never sees it", async () => {
    const seen: string[] = [];
    let received = "";
    const server = await ownServer((req, res) => {
      received = req.url ?? "";
      res
        .writeHead(200)
        .end(
          JSON.stringify({ success: true, result: { items: [], total_items: 0, total_pages: 0 } }),
        );
    });
    try {
      const client = fastClient(server.url);
      client.raw.use({ onRequest: ({ request }) => void seen.push(request.url) });
      await client.configs.list({ limit: 5 });
      expect(seen).toEqual([`${server.url}/client/v1/proxy-connection/get-list?limit=5`]);
      expect(new URL(received, server.url).searchParams.get("api-key")).toBe(CANARY);
    } finally {
      await server.close();
    }
  });
});
