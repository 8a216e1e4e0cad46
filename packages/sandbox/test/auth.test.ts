import { PATHS } from "@nineproxy/api-types";
import { describe, expect, it } from "vitest";
import type { Route } from "../src/routes.js";
import { call, create, KEY, sandbox } from "./support/sandbox.js";

const WRITES: Record<Exclude<Route, "list">, unknown> = {
  create: { quantity: 1, session_type: 1 },
  update: { start_port: 10000, session_type: 1 },
  delete: { start_ports: [10000] },
};
const CASES = (["list", "create", "update", "delete"] as const).flatMap((route) =>
  [
    { why: "missing", key: null, error: "api-key is required" },
    { why: "empty", key: "", error: "api-key is required" },
    { why: "unknown", key: "not-a-key", error: "api-key is invalid" },
  ].map((c) => ({ route, ...c })),
);

describe("authentication", () => {
  it.each(CASES)("answers 403 to $route with a $why api-key", async ({ route, key, error }) => {
    const sb = await sandbox();
    const body = route === "list" ? undefined : WRITES[route];
    const answer = await call(sb, route, { key, body });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ success: false, message: "Forbidden", errors: [error] });
  });

  it.each([
    ["the same key twice", [KEY, KEY]],
    ["a good key and a bad one", [KEY, "not-a-key"]],
    ["a bad key and a good one", ["not-a-key", KEY]],
  ])("answers 403 to an api-key given twice (%s) rather than pick one", async (_why, keys) => {
    const sb = await sandbox();
    const query = keys.map((key) => `api-key=${key}`).join("&");
    const res = await fetch(`${sb.url}${PATHS.list}?${query}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      success: false,
      message: "Forbidden",
      errors: ["api-key must be given once"],
    });
  });

  it("checks the key first, so a bad key with a bad body still answers 403", async () => {
    const sb = await sandbox();
    const answer = await call(sb, "create", { key: "nope", body: "{not json" });
    expect(answer.status).toBe(403);
  });

  it("keeps each key's account apart: configs, user_id and port pool", async () => {
    const sb = await sandbox({ apiKeys: ["key-a", "key-b"] });
    const a = await create(sb, {}, "key-a");
    const b = await create(sb, {}, "key-b");
    expect(a.user_id).not.toBe(b.user_id);
    expect(a.start_port).toBe(b.start_port);
    expect(sb.configs("key-a")).toEqual([a]);
    expect((await call(sb, "list", { key: "key-b" })).body.result.items).toEqual([b]);
  });

  it("never echoes the api-key in any answer", async () => {
    const sb = await sandbox({ apiKeys: ["canary-9c1f"] });
    const answers = await Promise.all([
      call(sb, "list", { key: "canary-9c1f" }),
      call(sb, "create", { key: "canary-9c1f", body: {} }),
      call(sb, "list", { key: "canary-9c1f-wrong" }),
    ]);
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain("canary");
  });
});

describe("paths and methods the spec does not list", () => {
  it("answers 404 in the vendor's envelope for an unknown path", async () => {
    const sb = await sandbox();
    const res = await fetch(`${sb.url}/client/v1/proxy-connection/nope?api-key=x`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, errors: [expect.any(String)] });
  });

  it("answers 404 to a path that starts with //, rather than read it as a host", async () => {
    const sb = await sandbox();
    const res = await fetch(`${sb.url}//elsewhere${PATHS.list}?api-key=${KEY}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      errors: [`no endpoint at //elsewhere${PATHS.list}`],
    });
  });

  it.each([
    ["list", "POST", "GET"],
    ["create", "GET", "POST"],
    ["update", "POST", "PUT"],
    ["delete", "POST", "DELETE"],
  ] as const)(
    "answers 405 to %s called with %s, naming %s in Allow",
    async (route, wrong, right) => {
      const sb = await sandbox();
      const answer = await call(sb, route, {
        method: wrong,
        body: wrong === "GET" ? undefined : {},
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toBe(right);
      expect(answer.body).toMatchObject({
        success: false,
        errors: [expect.stringContaining(right)],
      });
    },
  );
});
