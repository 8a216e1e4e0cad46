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

  it("places a partial that names only its server on that server", async () => {
    const sb = await sandbox();
    const [config] = sb.seed(KEY, [{ server_id: 2, quantity: 3 }]);
    expect(config).toMatchObject({ server_id: 2, start_port: 40000, end_port: 40002 });
    expect(() => sb.seed(KEY, [{ server_id: 3 }])).toThrow(/seed 0: 1 port\(s\) are not free/);
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

  it.each([
    [[null], /seed 0: must be an object/],
    [[{ start_port: 10000.5 }], /seed 0: start_port must be an integer 1-65535/],
    [[{ start_port: "10000" }], /seed 0: start_port must be an integer 1-65535/],
    [[{ quantity: 2.5 }], /seed 0: quantity must be an integer/],
    [[{ start_port: 10000, quantity: 2, end_port: 10005 }], /seed 0: end_port 10005 is not/],
    [[{ end_port: 10005 }], /seed 0: end_port needs start_port/],
    [[{ session_type: 7 }], /seed 0: session_type must be 1 \(rotating\) or 2 \(sticky\)/],
    [[{ session_time: 30 }], /seed 0: session_time must be a string of whole minutes/],
    [[{ is_keep: 2 }], /seed 0: is_keep must be 0 or 1/],
    [[{ id: "x" }], /seed 0: id must be an integer/],
    [[{ created_at: "yesterday" }], /seed 0: created_at must be an integer/],
    [[{ country_code: 5 }], /seed 0: country_code must be a string or null/],
    [[{}, { proxy_type: 1e300 }], /seed 1: proxy_type must be an integer/],
  ])(
    "refuses the partials %j, naming the bad field, and leaves the pool whole",
    async (what, reason) => {
      const sb = await sandbox();
      expect(() => sb.seed(KEY, what as never)).toThrow(reason);
      expect(sb.configs(KEY)).toEqual([]);
      expect(await create(sb, { quantity: 2 })).toMatchObject({
        start_port: 10000,
        end_port: 10001,
      });
    },
  );

  it("derives the session from is_keep when session_type is left out", async () => {
    const sb = await sandbox();
    const [sticky, rotating] = sb.seed(KEY, [{ is_keep: 1 }, { is_keep: 0 }]);
    expect(sticky).toMatchObject({ is_keep: 1, is_random_ip: 0, session_time: "15" });
    expect(rotating).toMatchObject({ is_keep: 0, is_random_ip: 1, session_time: "0" });
  });

  it("refuses a count beyond the free ports at once, before building any config", async () => {
    const sb = await sandbox({ servers: [{ id: 1, firstPort: 5000, lastPort: 5009 }] });
    sb.seed(KEY, 4);
    expect(() => sb.seed(KEY, 7)).toThrow("sandbox.seed: 7 configs do not fit: 6 ports are free");
    // a billion would take minutes and gigabytes if the seeds were built first
    expect(() => sb.seed(KEY, 1e9)).toThrow(/1000000000 configs do not fit/);
    expect(sb.configs(KEY)).toHaveLength(4);
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
