import { describe, expect, it } from "vitest";
import { FaultError } from "../src/errors.js";
import type { Route } from "../src/routes.js";
import { call, create, KEY, sandbox, urlOf } from "./support/sandbox.js";

const BODIES: Record<Route, unknown> = {
  list: undefined,
  create: { quantity: 2, session_type: 1 },
  update: { start_port: 10000, session_type: 2 },
  delete: { start_ports: [10000] },
};
const METHODS: Record<Route, string> = {
  list: "GET",
  create: "POST",
  update: "PUT",
  delete: "DELETE",
};
const ROUTES = ["list", "create", "update", "delete"] as const;

/** A raw request to `route`, with a config at port 10000 so that update and delete can apply. */
async function send(sb: Awaited<ReturnType<typeof sandbox>>, route: Route, init: RequestInit = {}) {
  const body = BODIES[route];
  return fetch(urlOf(sb, route), {
    method: METHODS[route],
    body: body === undefined ? undefined : JSON.stringify(body),
    ...init,
  });
}

async function seeded() {
  const sb = await sandbox({ now: () => 1_700_000_000_000 });
  sb.seed(KEY, [{ start_port: 10000, quantity: 3 }]);
  return sb;
}

describe("faults", () => {
  it("delays a route by its latency, then answers normally; others are not delayed", async () => {
    const sb = await seeded();
    const handle = sb.faults.add({ kind: "latency", route: "list", ms: 150 });
    const started = performance.now();
    const answer = await call(sb, "list");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.body.result.total_items).toBe(1);
    await create(sb);
    // counted rather than timed, so that a loaded machine cannot fail it
    expect(handle.hits).toBe(1);
  });

  it.each([500, 502, 503, 504])(
    "answers %i in the envelope and applies nothing",
    async (status) => {
      const sb = await seeded();
      sb.faults.add({ kind: "status", status });
      for (const route of ROUTES) {
        const res = await send(sb, route);
        expect(res.status).toBe(status);
        expect(await res.json()).toMatchObject({ success: false, errors: ["injected fault"] });
      }
      expect(sb.applied).toEqual({ create: 0, update: 0, delete: 0 });
      expect(sb.configs(KEY)).toHaveLength(1);
    },
  );

  it("answers 429 with Retry-After in seconds", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "status", route: "create", status: 429, retryAfter: 7 });
    const res = await send(sb, "create");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(sb.applied.create).toBe(0);
  });

  it("answers 429 with Retry-After as an HTTP date that many seconds after now()", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "status", status: 429, retryAfter: 5, retryAfterAs: "date" });
    const res = await send(sb, "list");
    expect(res.headers.get("retry-after")).toBe("Tue, 14 Nov 2023 22:13:25 GMT");
    expect(Date.parse(res.headers.get("retry-after") as string)).toBe(1_700_000_005_000);
  });

  it.each(ROUTES)("reset-before drops the %s connection and applies nothing", async (route) => {
    const sb = await seeded();
    sb.faults.add({ kind: "reset-before", route });
    await expect(send(sb, route)).rejects.toThrow(/fetch failed/);
    expect(sb.applied).toEqual({ create: 0, update: 0, delete: 0 });
    expect(sb.configs(KEY)).toHaveLength(1);
  });

  it.each([
    ["create", { create: 1, update: 0, delete: 0 }, 2],
    ["update", { create: 0, update: 1, delete: 0 }, 1],
    ["delete", { create: 0, update: 0, delete: 1 }, 0],
  ] as const)(
    "reset-after applies the %s, then drops the connection",
    async (route, applied, left) => {
      const sb = await seeded();
      sb.faults.add({ kind: "reset-after", route });
      await expect(send(sb, route)).rejects.toThrow(/fetch failed/);
      expect(sb.applied).toEqual(applied);
      expect(sb.configs(KEY)).toHaveLength(left);
    },
  );

  it("hang never answers, applies nothing, and does not stop close()", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "hang", route: "create" });
    await expect(send(sb, "create", { signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /aborted|timeout/i,
    );
    expect(sb.applied.create).toBe(0);
    const pending = send(sb, "create").catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sb.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it("non-json answers 200 with a body that is not JSON, and applies nothing", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "non-json" });
    const res = await send(sb, "create");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(sb.applied.create).toBe(0);
  });

  it("html answers an HTML page, with the status asked for", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "html", status: 502 });
    const res = await send(sb, "list");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it("success-false answers 200 with success: false and applies nothing", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "success-false", route: "delete", message: "Try again later" });
    const res = await send(sb, "delete");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: false,
      message: "Try again later",
      errors: ["injected fault"],
    });
    expect(sb.configs(KEY)).toHaveLength(1);
  });

  it("redirect-self answers 308 to the very same URL, forever", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "redirect-self" });
    const url = urlOf(sb, "list", { query: { page: 2 } });
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(308);
    expect(new URL(res.headers.get("location") as string, sb.url).href).toBe(url);
    await expect(fetch(url)).rejects.toThrow(/fetch failed/);
    expect(sb.faults.list()[0]?.hits).toBeGreaterThan(1);
  });

  it("redirect-self uses another 3xx when asked", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "redirect-self", status: 302 });
    expect((await send(sb, "list", { redirect: "manual" })).status).toBe(302);
  });
});

describe("faults that apply first", () => {
  it.each([
    [
      "create",
      { kind: "status", status: 502, apply: true },
      502,
      { create: 1, update: 0, delete: 0 },
    ],
    [
      "update",
      { kind: "html", status: 504, apply: true },
      504,
      { create: 0, update: 1, delete: 0 },
    ],
    ["delete", { kind: "non-json", apply: true }, 200, { create: 0, update: 0, delete: 1 }],
    ["delete", { kind: "success-false", apply: true }, 200, { create: 0, update: 0, delete: 1 }],
    [
      "create",
      { kind: "status", status: 502, apply: false },
      502,
      { create: 0, update: 0, delete: 0 },
    ],
  ] as const)(
    "%s with %j: the write is applied, the answer is the fault's",
    async (route, fault, status, applied) => {
      const sb = await seeded();
      sb.faults.add({ ...fault, route });
      const res = await send(sb, route);
      expect(res.status).toBe(status);
      await res.text();
      expect(sb.applied).toEqual(applied);
    },
  );
});

describe("fault scope", () => {
  it("hits only `times` requests, then removes itself", async () => {
    const sb = await seeded();
    const handle = sb.faults.add({ kind: "status", route: "list", status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(sb, "list")).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(handle.hits).toBe(2);
    expect(handle.remaining).toBe(0);
    expect(sb.faults.list()).toEqual([]);
  });

  it("hits only its route; `*` and no route hit all four", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "status", route: "update", status: 500 });
    expect((await send(sb, "list")).status).toBe(200);
    expect((await send(sb, "update")).status).toBe(500);
    sb.faults.clear();
    sb.faults.add({ kind: "status", status: 504 });
    for (const route of ROUTES) expect((await send(sb, route)).status).toBe(504);
  });

  it("adds latency to another fault, and applies the first other fault only", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "latency", ms: 100 });
    sb.faults.add({ kind: "status", status: 503, times: 1 });
    const second = sb.faults.add({ kind: "status", status: 500, times: 1 });
    const started = performance.now();
    expect((await send(sb, "list")).status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(second.hits).toBe(0);
    expect((await send(sb, "list")).status).toBe(500);
  });

  it("never hits 404s, 405s or the admin endpoints", async () => {
    const sb = await seeded();
    sb.faults.add({ kind: "status", status: 503 });
    expect((await fetch(`${sb.url}/nope`)).status).toBe(404);
    expect((await send(sb, "list", { method: "POST", body: "{}" })).status).toBe(405);
    expect((await fetch(`${sb.url}/__sandbox/applied`)).status).toBe(200);
  });

  it("can be removed through its handle", async () => {
    const sb = await seeded();
    const handle = sb.faults.add({ kind: "status", status: 503 });
    handle.remove();
    expect((await send(sb, "list")).status).toBe(200);
  });

  it("starts with the faults given to startSandbox", async () => {
    const sb = await sandbox({ faults: [{ kind: "status", route: "list", status: 502 }] });
    expect((await send(sb, "list")).status).toBe(502);
  });

  it.each([
    [{ kind: "explode" }, /unknown fault kind "explode"/],
    [{ kind: "status", status: 200 }, /status needs an HTTP status 400-599/],
    [{ kind: "latency", ms: -1 }, /latency needs ms/],
    [{ kind: "hang", route: "get-list" }, /unknown fault route "get-list"/],
    [{ kind: "hang", times: 0 }, /times must be an integer ≥ 1/],
    [{ kind: "redirect-self", status: 200 }, /redirect-self status must be one of/],
    [{ kind: "hang", apply: true }, /apply only goes with status, non-json, html, success-false/],
    [{ kind: "status", status: 500, apply: "yes" }, /apply must be true or false/],
    // past 2^31 - 1 ms, node's timers fire at once: the opposite of the fault asked for
    [{ kind: "latency", ms: 2 ** 31 }, /latency needs ms, an integer 0-2147483647/],
    [{ kind: "status", status: 429, retryAfter: 1e12 }, /retryAfter must be whole seconds/],
    [{ kind: "status", status: 429, retry_after: 2 }, /unknown field "retry_after" for status/],
    [{ kind: "hang", id: "mine" }, /unknown field "id" for hang/],
    [{ kind: "latency", ms: 5, status: 503 }, /unknown field "status" for latency/],
  ])("refuses an invalid fault %j with a FaultError that says why", async (fault, message) => {
    const sb = await sandbox();
    expect(() => sb.faults.add(fault as never)).toThrow(FaultError);
    expect(() => sb.faults.add(fault as never)).toThrow(message);
    expect(sb.faults.list()).toEqual([]);
  });
});

describe("fault matrix: every kind on every operation, once", () => {
  const KINDS = [
    [{ kind: "latency", ms: 20 }, 200, true],
    [{ kind: "status", status: 503 }, 503, false],
    [{ kind: "status", status: 429, retryAfter: 1 }, 429, false],
    [{ kind: "reset-before" }, "dropped", false],
    [{ kind: "reset-after" }, "dropped", true],
    [{ kind: "hang" }, "dropped", false],
    [{ kind: "non-json" }, 200, false],
    [{ kind: "html", status: 502 }, 502, false],
    [{ kind: "success-false" }, 200, false],
    [{ kind: "redirect-self" }, 308, false],
  ] as const;
  const CASES = KINDS.flatMap(([fault, outcome, applies]) =>
    ROUTES.map((route) => ({ route, fault, outcome, applies, kind: fault.kind })),
  );

  it.each(CASES)(
    "$kind on $route: answers $outcome, applied only if $applies, then answers normally",
    async ({ route, fault, outcome, applies }) => {
      const sb = await seeded();
      sb.faults.add({ ...fault, route, times: 1 } as never);
      // only a hang needs giving up on; the others answer or drop at once
      const signal = fault.kind === "hang" ? AbortSignal.timeout(200) : undefined;
      const first = await send(sb, route, { redirect: "manual", signal }).then(
        (res) => res.status,
        () => "dropped",
      );
      expect(first).toBe(outcome);
      const writes = route === "list" ? 0 : applies ? 1 : 0;
      expect(Object.values(sb.applied).reduce((a, b) => a + b, 0)).toBe(writes);

      // the fault is spent: the same request succeeds, unless it deleted the config already
      const second = await send(sb, route);
      const again = route === "delete" && writes === 1 ? 400 : 200;
      expect(second.status).toBe(again);
    },
  );
});
