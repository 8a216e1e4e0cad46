import { describe, expect, it } from "vitest";
import { KEY, sandbox, urlOf } from "./support/sandbox.js";

/** A logger that keeps every line it is given. */
function lines() {
  const seen: { fields: Record<string, unknown>; msg: string }[] = [];
  return { seen, info: (fields: object, msg: string) => seen.push({ fields: { ...fields }, msg }) };
}

/** Resolves once `n` lines are in: the line is written when the response closes. */
async function waitFor(log: ReturnType<typeof lines>, n: number): Promise<void> {
  while (log.seen.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("request log", () => {
  it("writes one line per request with durationMs and the key redacted", async () => {
    const log = lines();
    const sb = await sandbox({ logger: log });
    await (await fetch(urlOf(sb, "list"))).arrayBuffer();
    await waitFor(log, 1);

    expect(log.seen).toEqual([
      {
        msg: "request",
        fields: {
          method: "GET",
          url: "/client/v1/proxy-connection/get-list?api-key=[REDACTED]",
          status: 200,
          durationMs: expect.any(Number),
        },
      },
    ]);
    expect(JSON.stringify(log.seen)).not.toContain(KEY);
  });

  it("reports a failure of the sandbox itself as err on the request line", async () => {
    const log = lines();
    const broken = new Error("clock broke");
    const sb = await sandbox({
      logger: log,
      now: () => {
        throw broken;
      },
    });
    const body = JSON.stringify({ quantity: 1, session_type: 1 });
    const res = await fetch(urlOf(sb, "create"), { method: "POST", body });
    expect(res.status).toBe(500);
    await res.arrayBuffer();
    await waitFor(log, 1);

    expect(log.seen[0]?.fields).toMatchObject({ status: 500, err: broken });
  });
});
