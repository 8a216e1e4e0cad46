import { describe, expect, it } from "vitest";
import { call, create, KEY, sandbox } from "./support/sandbox.js";

describe("seed", () => {
  it("stores n varied one-port configs, not counted as applied", async () => {
    const sb = await sandbox();
    const seeded = sb.seed(KEY, 9);
    expect(seeded).toHaveLength(9);
    expect(sb.configs(KEY)).toEqual(seeded);
    expect(new Set(seeded.map((c) => c.country_code)).size).toBeGreaterThan(3);
    expect(new Set(seeded.map((c) => c.is_keep))).toEqual(new Set([0, 1]));
    expect(sb.applied).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it("stores partial configs at the ports they name, the rest after them", async () => {
    const sb = await sandbox();
    const [pinned, free] = sb.seed(KEY, [
      { start_port: 10000, end_port: 10009, session_type: 2, created_at: 5 },
      { quantity: 2, is_keep: 1, session_time: "60" },
    ]);
    expect(pinned).toMatchObject({
      start_port: 10000,
      end_port: 10009,
      is_keep: 1,
      created_at: 5,
      updated_at: 5,
    });
    expect(free).toMatchObject({ start_port: 10010, end_port: 10011, session_time: "60" });
    expect((await create(sb)).start_port).toBe(10012);
    expect((await create(sb)).id).toBe(4);
  });

  it("is all or nothing: a config that does not fit takes back the ones before it", async () => {
    const sb = await sandbox();
    sb.seed(KEY, [{ start_port: 10005 }]);
    expect(() => sb.seed(KEY, [{ quantity: 3 }, { start_port: 10004, quantity: 2 }])).toThrow(
      /seed 1: 2 port\(s\) are not free at port 10004/,
    );
    expect(sb.configs(KEY).map((c) => c.start_port)).toEqual([10005]);
    expect((await create(sb, { quantity: 5 })).start_port).toBe(10000);
  });

  it.each([
    [[{ server_id: 2, start_port: 10000 }], /not on server 2/],
    [[{ quantity: 0 }], /quantity must be an integer ≥ 1/],
    [-1, /whole number/],
  ])("refuses %j", async (what, reason) => {
    const sb = await sandbox();
    expect(() => sb.seed(KEY, what as never)).toThrow(reason);
    expect(sb.configs(KEY)).toEqual([]);
  });

  it("refuses an unknown api key", async () => {
    const sb = await sandbox();
    expect(() => sb.seed("nope", 1)).toThrow(/no account has that api key/);
  });

  it("holds 50,000 configs in the default pool and pages through them over HTTP", async () => {
    const sb = await sandbox();
    sb.seed(KEY, 50_000);
    const last = await call(sb, "list", { query: { limit: 100, page: 500, order_by: "asc" } });
    expect(last.body.result.total_items).toBe(50_000);
    expect(last.body.result.total_pages).toBe(500);
    expect(last.body.result.items.at(-1).id).toBe(50_000);
    const first = await call(sb, "list", { query: { limit: 100, sort_by: "id" } });
    expect(first.body.result.items[0].id).toBe(50_000);
  });
});
