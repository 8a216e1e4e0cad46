import { startSandbox } from "@nineproxy/sandbox";
import { beforeEach, describe, expect, it } from "vitest";
import {
  AbortedError,
  ConnectionError,
  OutcomeUnknownError,
  type RetryEvent,
  TimeoutError,
} from "../src/index.js";
import { CANARY, closedPort, fastClient, thrown, useSandbox } from "./helpers.js";

const ctx = useSandbox();

/** Milliseconds `fn` took to settle. */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn().catch(() => {});
  return performance.now() - started;
}

describe("time limits", () => {
  beforeEach(() => ctx.sb.reset());

  it("gives up on an attempt after timeoutMs and retries a read", async () => {
    ctx.sb.faults.add({ kind: "hang", route: "list", times: 1 });
    const retries: RetryEvent[] = [];
    const client = fastClient(ctx.sb.url, {
      timeoutMs: 200,
      hooks: { onRetry: (e) => void retries.push(e) },
    });
    await client.configs.list();
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toBeInstanceOf(TimeoutError);
    expect(retries[0]?.error).toMatchObject({ limit: "attempt", timeoutMs: 200 });
  });

  it("stops the whole call at deadlineMs, however many attempts are left", async () => {
    ctx.sb.faults.add({ kind: "hang", route: "list" });
    const client = fastClient(ctx.sb.url, { timeoutMs: 150, maxAttempts: 100 });
    const started = performance.now();
    const error = await thrown(() => client.configs.list({}, { deadlineMs: 400 }));
    const took = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(800);
  });

  it("turns a deadline during a create into OutcomeUnknownError", async () => {
    ctx.sb.faults.add({ kind: "hang", route: "create" });
    const client = fastClient(ctx.sb.url, { timeoutMs: 5_000 });
    const error = await thrown(() =>
      client.configs.create({ quantity: 1, session_type: 1 }, { deadlineMs: 200 }),
    );
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.cause).toMatchObject({ name: "TimeoutError", limit: "deadline" });
  });

  it("does not start a backoff sleep that would end past the deadline", async () => {
    ctx.sb.faults.add({ kind: "status", status: 503, retryAfter: 2, route: "list" });
    const client = fastClient(ctx.sb.url);
    const took = await timed(() => client.configs.list({}, { deadlineMs: 1_000 }));
    expect(took).toBeLessThan(300);
  });

  it("honours Retry-After given as an HTTP date, measured with the injected clock", async () => {
    const now = Date.UTC(2026, 0, 1);
    const sb = await startSandbox({ apiKeys: [CANARY], now: () => now });
    try {
      sb.faults.add({ kind: "status", status: 429, retryAfter: 1, retryAfterAs: "date", times: 1 });
      const retries: RetryEvent[] = [];
      const client = fastClient(sb.url, {
        clock: () => now,
        hooks: { onRetry: (e) => void retries.push(e) },
      });
      const took = await timed(() => client.configs.list());
      expect(retries.map((e) => e.delayMs)).toEqual([1_000]);
      expect(took).toBeGreaterThanOrEqual(990);
    } finally {
      await sb.close();
    }
  });

  it("honours Retry-After in seconds", async () => {
    ctx.sb.faults.add({ kind: "status", status: 503, retryAfter: 1, route: "update", times: 1 });
    const [seeded] = ctx.sb.seed(CANARY, 1);
    const retries: RetryEvent[] = [];
    const client = fastClient(ctx.sb.url, { hooks: { onRetry: (e) => void retries.push(e) } });
    await client.configs.update({ start_port: seeded?.start_port as number, session_type: 1 });
    expect(retries.map((e) => e.delayMs)).toEqual([1_000]);
  });

  it("uses full-jitter backoff from the injected random source", async () => {
    ctx.sb.faults.add({ kind: "status", status: 500, route: "list", times: 2 });
    const retries: RetryEvent[] = [];
    const client = fastClient(ctx.sb.url, {
      backoff: { baseMs: 100, capMs: 150 },
      random: () => 0.5,
      hooks: { onRetry: (e) => void retries.push(e) },
    });
    await client.configs.list();
    expect(retries.map((e) => e.delayMs)).toEqual([50, 75]);
  });
});

describe("retrying writes whose request never left", () => {
  it("retries a create when the connection is refused, then reports the connection error", async () => {
    const url = await closedPort();
    let requests = 0;
    const client = fastClient(url, { hooks: { onRequest: () => void requests++ } });
    const error = await thrown(() => client.configs.create({ quantity: 1, session_type: 1 }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 3 });
    expect(requests).toBe(3);
  });
});

describe("the caller's AbortSignal", () => {
  beforeEach(() => ctx.sb.reset());

  it("cancels an attempt in flight at once", async () => {
    ctx.sb.faults.add({ kind: "hang", route: "list" });
    const client = fastClient(ctx.sb.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await thrown(() => client.configs.list({}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(performance.now() - started).toBeLessThan(300);
  });

  it("cancels during a backoff sleep at once", async () => {
    ctx.sb.faults.add({ kind: "status", status: 429, retryAfter: 30, route: "list" });
    let retried = false;
    const controller = new AbortController();
    const client = fastClient(ctx.sb.url, {
      hooks: {
        onRetry: () => {
          retried = true;
          setTimeout(() => controller.abort(), 20);
        },
      },
    });
    const started = performance.now();
    const error = await thrown(() => client.configs.list({}, { signal: controller.signal }));
    expect(retried).toBe(true);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.message).toMatch(/while waiting to retry/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("sends nothing when the signal has already fired", async () => {
    let requests = 0;
    const client = fastClient(ctx.sb.url, { hooks: { onRequest: () => void requests++ } });
    const error = await thrown(() => client.configs.list({}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ attempts: 0 });
    expect(requests).toBe(0);
  });

  it("calls a create aborted in flight maybe applied, and never resends it", async () => {
    ctx.sb.faults.add({ kind: "latency", ms: 300, route: "create" });
    let requests = 0;
    const client = fastClient(ctx.sb.url, { hooks: { onRequest: () => void requests++ } });
    const error = await thrown(() =>
      client.configs.create({ quantity: 1, session_type: 1 }, { signal: AbortSignal.timeout(50) }),
    );
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.message).toMatch(/may or may not have been applied/);
    expect(requests).toBe(1);

    // past the latency the sandbox reads the body of a request whose connection the abort
    // closed, fails, and applies nothing; a client that left the request open would see it applied
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(ctx.sb.applied.create).toBe(0);
    expect(requests).toBe(1);
  });
});
