import { PATHS } from "@nineproxy/api-types";
import pino from "pino";
import { beforeEach, describe, expect, it } from "vitest";
import { ServerError } from "../src/index.js";
import { CANARY, fastClient, useSandbox } from "./helpers.js";

const ctx = useSandbox();

describe("hooks and logger", () => {
  beforeEach(() => ctx.sb.reset());

  it("reports request, response and retry events in order, with status, attempt and duration", async () => {
    ctx.sb.faults.add({ kind: "status", status: 503, retryAfter: 0, route: "list", times: 1 });
    const seen: [string, object][] = [];
    const client = fastClient(ctx.sb.url, {
      hooks: {
        onRequest: (e) => void seen.push(["request", e]),
        onResponse: (e) => void seen.push(["response", e]),
        onRetry: (e) => void seen.push(["retry", e]),
      },
    });
    await client.configs.list();
    const where = { operation: "list", method: "GET", path: PATHS.list };
    expect(seen).toEqual([
      ["request", { ...where, attempt: 1 }],
      [
        "response",
        {
          ...where,
          attempt: 1,
          status: 503,
          durationMs: expect.any(Number),
          error: expect.any(ServerError),
        },
      ],
      ["retry", { ...where, attempt: 1, status: 503, delayMs: 0, error: expect.any(ServerError) }],
      ["request", { ...where, attempt: 2 }],
      ["response", { ...where, attempt: 2, status: 200, durationMs: expect.any(Number) }],
    ]);
  });

  it("keeps going when a hook throws, and logs only the error's name", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (l: string) => void lines.push(l) });
    const client = fastClient(ctx.sb.url, {
      logger,
      hooks: {
        onRequest: () => {
          throw new Error(`hook failed with ${CANARY}`);
        },
      },
    });
    await expect(client.configs.list()).resolves.toMatchObject({ total_items: 0 });
    const failed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "nineproxy hook failed");
    expect(failed).toMatchObject({ level: 40, hook: "onRequest", error: "Error" });
    expect(lines.join("")).not.toContain(CANARY);
  });

  it("writes one structured pino line per event: requests at debug, retries at warn", async () => {
    ctx.sb.faults.add({ kind: "status", status: 500, route: "list", times: 1 });
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (l: string) => void lines.push(l) });
    await fastClient(ctx.sb.url, { logger, random: () => 0 }).configs.list();
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.map((l) => [l.level, l.msg])).toEqual([
      [20, "nineproxy request"],
      [20, "nineproxy response"],
      [40, "nineproxy retry"],
      [20, "nineproxy request"],
      [20, "nineproxy response"],
    ]);
    expect(logged[1]).toMatchObject({
      status: 500,
      error: "ServerError",
      attempt: 1,
      path: PATHS.list,
    });
    expect(logged[2]).toMatchObject({ delayMs: 0, error: "ServerError" });
  });

  it("survives a logger that throws", async () => {
    const broken = {
      debug: () => {
        throw new Error("x");
      },
      info() {},
      warn() {},
      error() {},
    };
    await expect(fastClient(ctx.sb.url, { logger: broken }).configs.list()).resolves.toBeDefined();
  });
});
