import { describe, expect, it } from "vitest";
import { call, create, KEY, sandbox } from "./support/sandbox.js";

describe("delete", () => {
  it("removes every config named and answers deleted: true", async () => {
    const sb = await sandbox();
    const [a, b, c] = [await create(sb), await create(sb), await create(sb)];
    const answer = await call(sb, "delete", {
      body: { start_ports: [a.start_port, c.start_port] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: true, message: "Success", result: { deleted: true } });
    expect(sb.configs(KEY)).toEqual([b]);
    expect(sb.applied.delete).toBe(1);
  });

  it("is atomic: an unknown start_port answers 400 naming it, nothing deleted", async () => {
    const sb = await sandbox();
    const [a, b] = [await create(sb), await create(sb)];
    const answer = await call(sb, "delete", {
      body: { start_ports: [a.start_port, 4242, b.start_port, 4343] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      "start_port 4242 matches no config",
      "start_port 4343 matches no config",
    ]);
    expect(sb.configs(KEY)).toEqual([a, b]);
    expect(sb.applied.delete).toBe(0);
  });

  it("names a start_port inside a range but not at its start as unknown", async () => {
    const sb = await sandbox();
    const config = await create(sb, { quantity: 5 });
    const answer = await call(sb, "delete", { body: { start_ports: [config.start_port + 2] } });
    expect(answer.status).toBe(400);
    expect(sb.configs(KEY)).toHaveLength(1);
  });

  it("treats a start_port listed twice as one", async () => {
    const sb = await sandbox();
    const config = await create(sb);
    const answer = await call(sb, "delete", {
      body: { start_ports: [config.start_port, config.start_port] },
    });
    expect(answer.status).toBe(200);
    expect(sb.configs(KEY)).toEqual([]);
  });

  it("answers 400 to a second delete of the same config", async () => {
    const sb = await sandbox();
    const config = await create(sb);
    const body = { start_ports: [config.start_port] };
    expect((await call(sb, "delete", { body })).status).toBe(200);
    expect((await call(sb, "delete", { body })).status).toBe(400);
    expect(sb.applied.delete).toBe(1);
  });

  it.each([
    ["an empty object", {}, ["start_ports is required"]],
    ["start_ports not an array", { start_ports: 10000 }, ["start_ports must be an array"]],
    ["start_ports empty", { start_ports: [] }, ["start_ports must not be empty"]],
    [
      "entries not integers",
      { start_ports: [10000, "10001", 1.5] },
      ["start_ports[1] must be an integer", "start_ports[2] must be an integer"],
    ],
    [
      "an entry beyond a safe integer",
      { start_ports: [1e300] },
      ["start_ports[0] must be an integer"],
    ],
    ["malformed JSON", "[", ["body is not valid JSON"]],
  ])("answers 400 to %s", async (_why, body, errors) => {
    const sb = await sandbox();
    await create(sb);
    const answer = await call(sb, "delete", { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ success: false, message: "Bad request", errors });
    expect(sb.configs(KEY)).toHaveLength(1);
  });
});
