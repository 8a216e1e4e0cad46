import type { Config } from "@nineproxy/api-types";
import { type Sandbox, startSandbox } from "@nineproxy/sandbox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AbortedError, BadRequestError, type ResponseEvent } from "../src/index.js";
import { CANARY, fastClient, ownServer, thrown, useSandbox } from "./helpers.js";

const ctx = useSandbox();
const ASC = { sort_by: "start_port", order_by: "asc" } as const;

const logged: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(logged.splice(0).map((sb) => sb.close()));
});

/**
 * A sandbox of its own, closed after the test, with the status of each request it answered, in
 * order: counting what it served does not depend on how fast the machine is. A request the
 * client dropped first is logged with status null, and one it dropped before sending is not
 * logged at all: neither is counted.
 */
async function loggedSandbox(): Promise<{ sb: Sandbox; answered: number[] }> {
  const answered: number[] = [];
  const info = (fields: object) => {
    const { status } = fields as { status: number | null };
    if (status !== null) answered.push(status);
  };
  const sb = await startSandbox({ port: 0, apiKeys: [CANARY], logger: { info } });
  logged.push(sb);
  return { sb, answered };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("configs.pages() and configs.items()", () => {
  beforeEach(() => ctx.sb.reset());

  it("yields every config once, in the API's order, in pages of 100", async () => {
    ctx.sb.seed(CANARY, 250);
    const client = fastClient(ctx.sb.url);
    const pages = await collect(client.configs.pages(ASC));
    expect(pages.map((p) => [p.page, p.items.length, p.total_pages])).toEqual([
      [1, 100, 3],
      [2, 100, 3],
      [3, 50, 3],
    ]);
    expect(await collect(client.configs.items(ASC))).toEqual(ctx.sb.configs(CANARY));
  });

  it("keeps the vendor's default order (start_port desc) when the query names none", async () => {
    ctx.sb.seed(CANARY, 120);
    const items = await collect(fastClient(ctx.sb.url).configs.items());
    expect(items).toEqual(ctx.sb.configs(CANARY).reverse());
  });

  it("keeps at most `concurrency` pages in flight and still yields them in order", async () => {
    ctx.sb.seed(CANARY, 1_000);
    ctx.sb.faults.add({ kind: "latency", ms: 20, route: "list" });
    let inFlight = 0;
    let peak = 0;
    const client = fastClient(ctx.sb.url, {
      hooks: {
        onRequest: () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
        },
        onResponse: () => void inFlight--,
      },
    });
    const pages = await collect(client.configs.pages({ ...ASC, limit: 50 }, { concurrency: 3 }));
    expect(peak).toBe(3);
    expect(pages.map((p) => p.page)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(pages.flatMap((p) => p.items)).toEqual(ctx.sb.configs(CANARY));
  });

  it("starts at query.page and honours the query's limit", async () => {
    ctx.sb.seed(CANARY, 30);
    const pages = await collect(
      fastClient(ctx.sb.url).configs.pages({ ...ASC, limit: 10, page: 2 }),
    );
    expect(pages.map((p) => p.page)).toEqual([2, 3]);
    expect(pages.flatMap((p) => p.items)).toEqual(ctx.sb.configs(CANARY).slice(10));
  });

  it("stops at maxItems without asking for pages it will not need", async () => {
    ctx.sb.seed(CANARY, 500);
    let requests = 0;
    const client = fastClient(ctx.sb.url, { hooks: { onRequest: () => void requests++ } });
    const items = await collect(client.configs.items(ASC, { maxItems: 150 }));
    expect(items).toEqual(ctx.sb.configs(CANARY).slice(0, 150));
    expect(requests).toBe(2);
  });

  it("stops at maxPages", async () => {
    ctx.sb.seed(CANARY, 500);
    let requests = 0;
    const client = fastClient(ctx.sb.url, { hooks: { onRequest: () => void requests++ } });
    const pages = await collect(client.configs.pages(ASC, { maxPages: 2 }));
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(requests).toBe(2);
  });

  it("yields nothing and sends nothing when maxItems or maxPages is 0", async () => {
    let requests = 0;
    const client = fastClient(ctx.sb.url, { hooks: { onRequest: () => void requests++ } });
    expect(await collect(client.configs.items({}, { maxItems: 0 }))).toEqual([]);
    expect(await collect(client.configs.pages({}, { maxPages: 0 }))).toEqual([]);
    expect(requests).toBe(0);
  });

  it("yields nothing from an empty account", async () => {
    expect(await collect(fastClient(ctx.sb.url).configs.pages())).toEqual([]);
  });

  it("stops on an empty page even when total_pages promised more", async () => {
    ctx.sb.seed(CANARY, 300);
    const truth = ctx.sb.configs(CANARY);
    ctx.sb.faults.add({ kind: "latency", ms: 150, route: "list" });
    const client = fastClient(ctx.sb.url);
    const admin = fastClient(ctx.sb.url);
    const pages = [];
    for await (const page of client.configs.pages(ASC, { concurrency: 1 })) {
      // page 2 is already on its way, but the sandbox reads its data after the latency
      if (page.page === 1)
        await admin.configs.delete(truth.slice(100).map((c) => c.start_port as number));
      pages.push(page);
    }
    expect(pages.map((p) => [p.page, p.total_pages, p.items.length])).toEqual([[1, 3, 100]]);
  });

  it("does not yield a config twice when an insert shifts it onto the next page", async () => {
    const seeded = ctx.sb.seed(CANARY, 250);
    const admin = fastClient(ctx.sb.url);
    await admin.configs.delete([seeded[0]?.start_port as number]);
    const before = ctx.sb.configs(CANARY);
    ctx.sb.faults.add({ kind: "latency", ms: 150, route: "list" });

    const shifted = async (dedupe: boolean) => {
      const items: Config[] = [];
      for await (const config of fastClient(ctx.sb.url).configs.items(ASC, {
        concurrency: 1,
        dedupe,
      })) {
        // a create reuses the freed lowest ports, so every later config moves one place down
        if (items.length === 0) await admin.configs.create({ quantity: 1, session_type: 1 });
        items.push(config);
      }
      return items;
    };
    const deduped = await shifted(true);
    expect(deduped).toEqual(before);

    const inserted = ctx.sb.configs(CANARY)[0]?.start_port as number;
    await admin.configs.delete([inserted]);
    const raw = await shifted(false);
    expect(raw).toHaveLength(before.length + 1);
    expect(new Set(raw.map((c) => c.id)).size).toBe(before.length);
  });

  it("cancels the pages in flight when the loop is left early", async () => {
    const { sb, answered } = await loggedSandbox();
    sb.seed(CANARY, 1_000);
    sb.faults.add({ kind: "latency", ms: 300, route: "list" });
    const responses: ResponseEvent[] = [];
    let requests = 0;
    const client = fastClient(sb.url, {
      hooks: { onRequest: () => void requests++, onResponse: (e) => void responses.push(e) },
    });
    for await (const _ of client.configs.items(ASC, { concurrency: 4 })) break;
    expect(requests).toBe(5);

    // pages 2-5 would be answered 300 ms after page 1: wait past that; only page 1 was served
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(answered).toEqual([200]);
    expect(responses.slice(1).map((e) => e.error?.name)).toEqual(Array(4).fill("AbortedError"));
  });

  it("leaves no request running on the server once the loop is left", async () => {
    const open = new Set<number>();
    const server = await ownServer((req, res) => {
      const page = Number(new URL(req.url ?? "", "http://x").searchParams.get("page"));
      open.add(page);
      req.on("close", () => void open.delete(page));
      const result = { items: [{ id: page, start_port: page }], total_items: 9, total_pages: 9 };
      // pages after the first never answer: only cancelling them ends their requests
      if (page === 1) res.writeHead(200).end(JSON.stringify({ success: true, result }));
    });
    try {
      for await (const _ of fastClient(server.url).configs.items({}, { concurrency: 4 })) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect([...open]).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("stops at once when the caller's signal aborts mid-iteration", async () => {
    const { sb, answered } = await loggedSandbox();
    sb.seed(CANARY, 1_000);
    sb.faults.add({ kind: "latency", ms: 200, route: "list" });
    const controller = new AbortController();
    const client = fastClient(sb.url, { pageConcurrency: 4 });
    let seen = 0;
    const error = await thrown(async () => {
      for await (const _ of client.configs.items(ASC, { signal: controller.signal })) {
        if (++seen === 1) setTimeout(() => controller.abort(), 10);
      }
    });
    expect(error).toBeInstanceOf(AbortedError);
    expect(seen).toBe(100);

    // pages 2-5 would be answered 200 ms after page 1: wait past that; only page 1 was served
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toEqual([200]);
  });

  it.each([
    ["more pages than it announced", 2, [1, 2]],
    ["total_pages 0 with configs on page 1", 0, [1]],
  ])("stops at total_pages from a vendor that serves %s", async (_, totalPages, want) => {
    const asked: number[] = [];
    // every page is full, whatever total_pages says
    const server = await ownServer((req, res) => {
      const page = Number(new URL(req.url ?? "", "http://x").searchParams.get("page"));
      asked.push(page);
      const items = [{ id: page, start_port: page }];
      const result = { items, total_items: totalPages, total_pages: totalPages };
      res.writeHead(200).end(JSON.stringify({ success: true, result }));
    });
    try {
      const pages = await collect(fastClient(server.url).configs.pages({}, { concurrency: 4 }));
      expect(pages.map((p) => p.page)).toEqual(want);
      expect(asked.sort()).toEqual(want);
    } finally {
      await server.close();
    }
  });

  it("throws a page's error in order, after the pages before it, and cancels the rest", async () => {
    const aborted: string[] = [];
    const server = await ownServer((req, res) => {
      const page = Number(new URL(req.url ?? "", "http://x").searchParams.get("page"));
      const items = [{ id: page, start_port: page }];
      const ok = { success: true, result: { items, total_items: 6, total_pages: 6 } };
      req.on("close", () => void (res.writableEnded || aborted.push(String(page))));
      if (page === 2) {
        setTimeout(
          () => res.writeHead(400).end(JSON.stringify({ success: false, errors: ["x"] })),
          50,
        );
      } else if (page === 1) {
        res.writeHead(200).end(JSON.stringify(ok));
      }
      // pages 3 and later never answer: only cancelling them ends their requests
    });
    try {
      const seen: number[] = [];
      const error = await thrown(async () => {
        for await (const config of fastClient(server.url).configs.items({}, { concurrency: 3 })) {
          seen.push(config.id as number);
        }
      });
      expect(error).toBeInstanceOf(BadRequestError);
      expect(seen).toEqual([1]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(aborted.sort()).toEqual(["3", "4"]);
    } finally {
      await server.close();
    }
  });
});
