import { PATHS } from "@nineproxy/api-types";
import { describe, expect, it } from "vitest";
import { call, create, KEY, sandbox } from "./support/sandbox.js";

describe("list", () => {
  it("answers an empty account with no items and no pages", async () => {
    const sb = await sandbox();
    const answer = await call(sb, "list");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      success: true,
      message: "Success",
      result: { items: [], total_items: 0, total_pages: 0 },
    });
  });

  it("defaults to page 1 of 30, sorted by start_port descending", async () => {
    const sb = await sandbox();
    sb.seed(KEY, 45);
    const { result } = (await call(sb, "list")).body;
    expect(result.items).toHaveLength(30);
    expect(result.total_items).toBe(45);
    expect(result.total_pages).toBe(2);
    const ports = result.items.map((c: { start_port: number }) => c.start_port);
    expect(ports).toEqual([...ports].sort((a, b) => b - a));
    expect(ports[0]).toBe(Math.max(...sb.configs(KEY).map((c) => c.start_port as number)));
  });

  it("pages through every config once, the last page partial, past the end empty", async () => {
    const sb = await sandbox();
    sb.seed(KEY, 23);
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => call(sb, "list", { query: { limit: 7, page, order_by: "asc" } })),
    );
    const sizes = pages.map((p) => p.body.result.items.length);
    expect(sizes).toEqual([7, 7, 7, 2]);
    const seen = pages.flatMap((p) => p.body.result.items.map((c: { id: number }) => c.id));
    expect(seen).toEqual(sb.configs(KEY).map((c) => c.id));
    const past = await call(sb, "list", { query: { limit: 7, page: 5 } });
    expect(past.body.result).toEqual({ items: [], total_items: 23, total_pages: 4 });
  });

  it.each(["id", "start_port", "end_port", "created_at", "updated_at"] as const)(
    "sorts by %s in both directions, ties broken by id",
    async (sortBy) => {
      const sb = await sandbox();
      // several configs share created_at and updated_at, so ties are exercised
      sb.seed(KEY, [
        { quantity: 3, created_at: 300, updated_at: 900 },
        { quantity: 1, created_at: 100, updated_at: 900 },
        { quantity: 2, created_at: 300, updated_at: 100 },
        { quantity: 5, created_at: 200, updated_at: 500 },
      ]);
      const asc = (await call(sb, "list", { query: { sort_by: sortBy, order_by: "asc" } })).body;
      const desc = (await call(sb, "list", { query: { sort_by: sortBy, order_by: "desc" } })).body;
      type Row = Record<string, number>;
      const expected = [...(asc.result.items as Row[])].sort(
        (a, b) =>
          (a[sortBy] as number) - (b[sortBy] as number) || (a.id as number) - (b.id as number),
      );
      expect(asc.result.items).toHaveLength(4);
      expect(asc.result.items).toEqual(expected);
      expect(desc.result.items).toEqual([...expected].reverse());
    },
  );

  it("reflects an update in the updated_at order at once", async () => {
    let now = 1_000_000;
    const sb = await sandbox({ now: () => now });
    const first = await create(sb);
    await create(sb);
    now += 60_000;
    await call(sb, "update", { body: { start_port: first.start_port, session_type: 2 } });
    const list = await call(sb, "list", { query: { sort_by: "updated_at", limit: 1 } });
    expect(list.body.result.items[0].id).toBe(first.id);
  });

  const BAD_QUERIES: [string, Record<string, string>, string[]][] = [
    ["limit 0", { limit: "0" }, ["limit must be an integer between 1 and 100"]],
    ["limit above the cap", { limit: "101" }, ["limit must be an integer between 1 and 100"]],
    ["limit not a number", { limit: "ten" }, ["limit must be an integer between 1 and 100"]],
    ["limit a fraction", { limit: "2.5" }, ["limit must be an integer between 1 and 100"]],
    ["limit empty", { limit: "" }, ["limit must be an integer between 1 and 100"]],
    ["page 0", { page: "0" }, ["page must be an integer at least 1"]],
    ["page negative", { page: "-3" }, ["page must be an integer at least 1"]],
    ["unknown sort_by", { sort_by: "country_code" }, [expect.stringMatching(/^sort_by must be/)]],
    ["unknown order_by", { order_by: "DESC" }, ["order_by must be one of asc, desc"]],
    [
      "several bad at once, one entry each",
      { limit: "0", page: "x", sort_by: "?", order_by: "up" },
      [
        "limit must be an integer between 1 and 100",
        "page must be an integer at least 1",
        expect.stringMatching(/^sort_by must be one of id, start_port/),
        "order_by must be one of asc, desc",
      ],
    ],
  ] as never;

  it.each(BAD_QUERIES)("answers 400 to %s", async (_why, query, errors) => {
    const sb = await sandbox();
    const answer = await call(sb, "list", { query });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ success: false, message: "Bad request", errors });
  });

  it.each([
    ["limit", "1"],
    ["page", "1"],
    ["sort_by", "id"],
    ["order_by", "asc"],
  ])("refuses %s given twice, even with a valid value", async (name, value) => {
    const sb = await sandbox();
    const twice = `${name}=${value}&${name}=${value}`;
    const res = await fetch(`${sb.url}${PATHS.list}?api-key=${KEY}&${twice}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: string[] }).errors).toEqual([
      `${name} must be given once`,
    ]);
  });

  it("honours a custom maxLimit", async () => {
    const sb = await sandbox({ maxLimit: 500 });
    expect((await call(sb, "list", { query: { limit: 500 } })).status).toBe(200);
    expect((await call(sb, "list", { query: { limit: 501 } })).status).toBe(400);
  });
});
