import { describe, expect, it } from "vitest";
import { create, KEY, type Loose, sandbox } from "./support/sandbox.js";

type Sb = Awaited<ReturnType<typeof sandbox>>;

async function admin(sb: Sb, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Loose };
}

describe("admin endpoints under /__sandbox/", () => {
  it("add faults from a spec string, an object or an array, and list them", async () => {
    const sb = await sandbox();
    const added = await admin(sb, "POST", "faults", [
      { spec: "list:status=503:times=1" },
      { kind: "latency", route: "create", ms: 5 },
      "delete:hang",
    ]);
    expect(added.status).toBe(200);
    expect(added.body.result.map((f: { id: string }) => f.id)).toEqual(["f1", "f2", "f3"]);
    const listed = await admin(sb, "GET", "faults");
    expect(listed.body.result[0]).toEqual({
      id: "f1",
      route: "list",
      kind: "status",
      status: 503,
      times: 1,
      hits: 0,
      remaining: 1,
    });
    expect(
      (await fetch(`${sb.url}/client/v1/proxy-connection/get-list?api-key=${KEY}`)).status,
    ).toBe(503);
    expect((await admin(sb, "GET", "faults")).body.result).toHaveLength(2);
  });

  it("refuses a bad fault with 400 and adds none of the batch", async () => {
    const sb = await sandbox();
    const answer = await admin(sb, "POST", "faults", [
      { spec: "list:hang" },
      { spec: "list:boom" },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.stringContaining('unknown kind "boom"')]);
    expect(sb.faults.list()).toEqual([]);
    expect((await admin(sb, "POST", "faults", "{")).body.errors).toEqual([
      "body is not valid JSON",
    ]);
    expect((await admin(sb, "POST", "faults", { kind: "status", status: 99 })).status).toBe(400);
  });

  it("remove one fault by id, or all of them", async () => {
    const sb = await sandbox();
    const a = sb.faults.add({ kind: "hang" });
    sb.faults.add({ kind: "hang" });
    expect((await admin(sb, "DELETE", `faults/${a.id}`)).status).toBe(200);
    expect(sb.faults.list()).toHaveLength(1);
    expect((await admin(sb, "DELETE", `faults/${a.id}`)).status).toBe(404);
    expect((await admin(sb, "DELETE", "faults")).status).toBe(200);
    expect(sb.faults.list()).toEqual([]);
  });

  it("report applied writes, and the state of each account without its key", async () => {
    const sb = await sandbox({ apiKeys: [KEY, "other-key"] });
    await create(sb, { quantity: 4 });
    expect((await admin(sb, "GET", "applied")).body.result).toEqual({
      create: 1,
      update: 0,
      delete: 0,
    });
    const state = await admin(sb, "GET", "state");
    expect(state.body.result.accounts).toEqual([
      { user_id: 100001, configs: 1, free_ports: 54996 },
      { user_id: 100002, configs: 0, free_ports: 55000 },
    ]);
    expect(JSON.stringify(state.body)).not.toContain(KEY);
    expect(state.body.result.configs).toBeUndefined();
    const mine = await admin(sb, "GET", `state?api-key=${KEY}`);
    expect(mine.body.result.configs).toEqual(sb.configs(KEY));
  });

  it("seed an account by count or by partial configs, and reset everything", async () => {
    const sb = await sandbox();
    expect((await admin(sb, "POST", "seed", { apiKey: KEY, count: 40 })).body.result).toEqual({
      seeded: 40,
    });
    const partial = {
      apiKey: KEY,
      configs: [{ start_port: 60000, quantity: 10, country_code: "JP" }],
    };
    expect((await admin(sb, "POST", "seed", partial)).status).toBe(200);
    expect(sb.configs(KEY)).toHaveLength(41);
    expect((await admin(sb, "POST", "seed", { apiKey: "nope", count: 1 })).status).toBe(400);
    expect((await admin(sb, "POST", "seed", { ...partial })).body.errors).toEqual([
      expect.stringMatching(/seed 0: 10 port\(s\) are not free at port 60000/),
    ]);

    sb.faults.add({ kind: "hang" });
    expect((await admin(sb, "POST", "reset")).status).toBe(200);
    expect(sb.configs(KEY)).toEqual([]);
    expect(sb.faults.list()).toEqual([]);
    expect(sb.applied).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it("answer 404 naming an unknown admin endpoint", async () => {
    const sb = await sandbox();
    const answer = await admin(sb, "GET", "nothing");
    expect(answer.status).toBe(404);
    expect(answer.body.errors).toEqual([expect.stringContaining("GET /__sandbox/nothing")]);
  });
});
