import { describe, expect, it } from "vitest";
import { call, create, KEY, type Loose, sandbox } from "./support/sandbox.js";

describe("create", () => {
  it("allocates a contiguous inclusive range and fills every field", async () => {
    const sb = await sandbox({ now: () => 1_700_000_000_999 });
    const answer = await call(sb, "create", {
      body: { quantity: 5, session_type: 1, country_code: "US", city_code: "nyc", proxy_type: 2 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      success: true,
      message: "Success",
      result: {
        id: 1,
        user_id: expect.any(Number),
        server_id: 1,
        proxy_type: 2,
        country_code: "US",
        city_code: "nyc",
        state_code: null,
        isp_code: null,
        start_port: 10000,
        end_port: 10004,
        is_keep: 0,
        is_random_ip: 1,
        session_time: "0",
        created_at: 1_700_000_000,
        updated_at: 1_700_000_000,
      },
    });
    expect(sb.configs(KEY)).toEqual([answer.body.result]);
    expect(sb.applied).toEqual({ create: 1, update: 0, delete: 0 });
  });

  it.each([
    ["rotating", { session_type: 1 }, { is_keep: 0, is_random_ip: 1, session_time: "0" }],
    [
      "rotating, session_time ignored",
      { session_type: 1, session_time: 30 },
      { is_keep: 0, is_random_ip: 1, session_time: "0" },
    ],
    [
      "sticky",
      { session_type: 2, session_time: 30 },
      { is_keep: 1, is_random_ip: 0, session_time: "30" },
    ],
    [
      "sticky, default minutes",
      { session_type: 2 },
      { is_keep: 1, is_random_ip: 0, session_time: "15" },
    ],
  ])("sets the session fields for %s", async (_why, session, expected) => {
    const sb = await sandbox();
    expect(await create(sb, session)).toMatchObject(expected);
  });

  it("places each config after the last, then on the next server when one is full", async () => {
    const servers = [
      { id: 7, firstPort: 20000, lastPort: 20009 },
      { id: 8, firstPort: 30000, lastPort: 30009 },
    ];
    const sb = await sandbox({ servers });
    const ranges = [];
    for (const quantity of [4, 4, 4]) {
      const c = await create(sb, { quantity });
      ranges.push([c.server_id, c.start_port, c.end_port]);
    }
    expect(ranges).toEqual([
      [7, 20000, 20003],
      [7, 20004, 20007],
      [8, 30000, 30003],
    ]);
  });

  it("reuses freed ports, lowest first", async () => {
    const sb = await sandbox();
    const a = await create(sb, { quantity: 3 });
    const b = await create(sb, { quantity: 3 });
    await create(sb, { quantity: 3 });
    await call(sb, "delete", { body: { start_ports: [a.start_port, b.start_port] } });
    const again = await create(sb, { quantity: 6 });
    expect([again.start_port, again.end_port]).toEqual([a.start_port, b.end_port]);
  });

  it("refuses a create the pool cannot fit, with 400 and nothing allocated", async () => {
    const sb = await sandbox({ servers: [{ id: 1, firstPort: 5000, lastPort: 5009 }] });
    await create(sb, { quantity: 4 });
    const middle = await create(sb, { quantity: 2 });
    await create(sb, { quantity: 4 });
    await call(sb, "delete", { body: { start_ports: [middle.start_port] } });
    const before = sb.configs(KEY);

    // two ports are free, but three are asked for
    const answer = await call(sb, "create", { body: { quantity: 3, session_type: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.stringContaining("quantity 3 does not fit")]);
    expect(sb.configs(KEY)).toEqual(before);
    expect(sb.applied.create).toBe(3);
    expect((await create(sb, { quantity: 2 })).start_port).toBe(middle.start_port);
  });

  const BAD_BODIES: [string, unknown, string[]][] = [
    ["an empty object", {}, ["quantity is required", "session_type is required"]],
    ["quantity 0", { quantity: 0, session_type: 1 }, ["quantity must be between 1 and 1000"]],
    [
      "quantity negative",
      { quantity: -2, session_type: 1 },
      ["quantity must be between 1 and 1000"],
    ],
    [
      "quantity above the cap",
      { quantity: 1001, session_type: 1 },
      ["quantity must be between 1 and 1000"],
    ],
    ["quantity a string", { quantity: "5", session_type: 1 }, ["quantity must be an integer"]],
    ["quantity a fraction", { quantity: 1.5, session_type: 1 }, ["quantity must be an integer"]],
    [
      "session_type 3",
      { quantity: 1, session_type: 3 },
      ["session_type must be 1 (rotating) or 2 (sticky)"],
    ],
    [
      "session_type a string",
      { quantity: 1, session_type: "2" },
      ["session_type must be 1 (rotating) or 2 (sticky)"],
    ],
    [
      "session_time 0",
      { quantity: 1, session_type: 2, session_time: 0 },
      ["session_time must be at least 1"],
    ],
    [
      "session_time a string",
      { quantity: 1, session_type: 2, session_time: "15" },
      ["session_time must be an integer"],
    ],
    [
      "session_time beyond a safe integer",
      { quantity: 1, session_type: 2, session_time: 1e300 },
      ["session_time must be an integer"],
    ],
    [
      "proxy_type beyond a safe integer",
      { quantity: 1, session_type: 1, proxy_type: 2 ** 53 },
      ["proxy_type must be an integer"],
    ],
    [
      "proxy_type a string",
      { quantity: 1, session_type: 1, proxy_type: "a" },
      ["proxy_type must be an integer"],
    ],
    [
      "every code of the wrong type",
      {
        quantity: 1,
        session_type: 1,
        country_code: 1,
        city_code: true,
        state_code: [],
        isp_code: null,
      },
      [
        "country_code must be a string",
        "city_code must be a string",
        "state_code must be a string",
        "isp_code must be a string",
      ],
    ],
    ["an array", [], ["body must be a JSON object"]],
    ["null", null, ["body must be a JSON object"]],
    ["malformed JSON", '{"quantity": 1,', ["body is not valid JSON"]],
    ["an empty body", "", ["body must be a JSON object"]],
  ];

  it.each(BAD_BODIES)(
    "answers 400 to %s, one entry per bad field, nothing created",
    async (_why, body, errors) => {
      const sb = await sandbox();
      const answer = await call(sb, "create", { body: body === null ? "null" : body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ success: false, message: "Bad request", errors });
      expect(sb.configs(KEY)).toEqual([]);
      expect(sb.applied.create).toBe(0);
    },
  );

  it("answers 400 to a body over 1 MiB", async () => {
    const sb = await sandbox();
    const body = JSON.stringify({ quantity: 1, session_type: 1, pad: "x".repeat(1 << 20) });
    const answer = await call(sb, "create", { body });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(["body must be at most 1 MiB"]);
  });

  it("honours a custom maxQuantity", async () => {
    const sb = await sandbox({ maxQuantity: 5 });
    const answer = await call(sb, "create", { body: { quantity: 6, session_type: 1 } });
    expect(answer.body.errors).toEqual(["quantity must be between 1 and 5"]);
  });
});

describe("create under concurrency", () => {
  it("gives 200 simultaneous creates distinct, non-overlapping ranges, losing none", async () => {
    const sb = await sandbox();
    const quantities = Array.from({ length: 200 }, (_, i) => 1 + (i % 7));
    const answers = await Promise.all(
      quantities.map((quantity) => call(sb, "create", { body: { quantity, session_type: 1 } })),
    );
    expect(answers.map((a) => a.status)).toEqual(quantities.map(() => 200));
    const stored = sb.configs(KEY);
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((c) => c.id)).size).toBe(200);
    for (const [i, config] of stored.entries()) {
      const next = stored[i + 1];
      if (next) expect(next.start_port as number).toBeGreaterThan(config.end_port as number);
    }
    const answered = answers.map((a) => a.body.result).sort((a, b) => a.start_port - b.start_port);
    expect(answered).toEqual(stored);
    expect(sb.applied.create).toBe(200);
  });

  it("keeps ranges disjoint and counts exact when creates and deletes run at once", async () => {
    const sb = await sandbox({ servers: [{ id: 1, firstPort: 7000, lastPort: 7499 }] });
    const seeded = sb.seed(KEY, 100);
    const doomed = seeded.filter((_, i) => i % 2 === 0).map((c) => c.start_port as number);
    const answers = await Promise.all([
      ...doomed.map((port) => call(sb, "delete", { body: { start_ports: [port] } })),
      ...Array.from({ length: 100 }, (_, i) =>
        call(sb, "create", { body: { quantity: 1 + (i % 3), session_type: 1 } }),
      ),
    ]);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const stored = sb.configs(KEY);
    expect(stored).toHaveLength(150);
    for (const [i, config] of stored.entries()) {
      const next = stored[i + 1];
      if (next) expect(next.start_port as number).toBeGreaterThan(config.end_port as number);
    }
    const kept = seeded.filter((_, i) => i % 2 === 1).map((c) => c.id);
    expect(stored.filter((c) => (c.id as number) <= 100).map((c) => c.id)).toEqual(kept);
    const used = stored.reduce(
      (sum, c) => sum + (c.end_port as number) - (c.start_port as number) + 1,
      0,
    );
    const state = await (await fetch(`${sb.url}/__sandbox/state`)).json();
    expect(used + (state as Loose).result.accounts[0].free_ports).toBe(500);
    expect(sb.applied).toEqual({ create: 100, update: 0, delete: 50 });
  });

  it("leaves nothing half-allocated when simultaneous creates exhaust the pool", async () => {
    const sb = await sandbox({ servers: [{ id: 1, firstPort: 9000, lastPort: 9099 }] });
    // 60 creates of 3 ports each ask for 180 ports; only 33 fit in 100
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        call(sb, "create", { body: { quantity: 3, session_type: 1 } }),
      ),
    );
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(33);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(27);
    const stored = sb.configs(KEY);
    expect(stored).toHaveLength(33);
    expect(
      stored.reduce((sum, c) => sum + (c.end_port as number) - (c.start_port as number) + 1, 0),
    ).toBe(99);
    expect((await create(sb, { quantity: 1 })).start_port).toBe(9099);
  });
});
