import { summarize } from "@nineproxy/usage";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../src/upstream/read-usage.js";
import { UsageCache } from "../src/upstream/usage-cache.js";

const snapshot = (configs: number): Snapshot => ({
  summary: summarize(Array.from({ length: configs }, (_, i) => ({ start_port: i, end_port: i }))),
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A read that counts its calls and answers what `next` says, after `delayMs`. */
function fakeRead(delayMs = 20) {
  const calls = { n: 0, signals: [] as AbortSignal[] };
  let next: () => Snapshot = () => snapshot(1);
  const read = async (signal: AbortSignal) => {
    calls.n += 1;
    calls.signals.push(signal);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delayMs);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
    return next();
  };
  return { read, calls, answer: (f: () => Snapshot) => (next = f) };
}

/** A cache whose read fails until told otherwise, on a clock the test moves. */
function failingCache(ttlMs: number, failureTtlMs: number, delayMs = 1) {
  const clock = { now: 1_000_000 };
  const fake = fakeRead(delayMs);
  fake.answer(() => {
    throw new Error("vendor down");
  });
  const cache = new UsageCache(fake.read, { ttlMs, failureTtlMs, clock: () => clock.now });
  return { fake, cache, clock };
}

describe("UsageCache", () => {
  it("shares one read among concurrent refreshes", async () => {
    const fake = fakeRead();
    const cache = new UsageCache(fake.read, { ttlMs: 60_000 });
    await Promise.all(Array.from({ length: 50 }, () => cache.refresh(1000)));
    expect(fake.calls.n).toBe(1);
    expect(cache.up).toBe(true);
    expect(cache.snapshot?.summary.configs).toBe(1);
  });

  it("reuses the outcome for the TTL, then reads again", async () => {
    let now = 1_000_000;
    const fake = fakeRead(1);
    const cache = new UsageCache(fake.read, { ttlMs: 60_000, clock: () => now });
    await cache.refresh(1000);
    now += 59_999;
    await cache.refresh(1000);
    expect(fake.calls.n).toBe(1);
    now += 1;
    await cache.refresh(1000);
    expect(fake.calls.n).toBe(2);
  });

  it("keeps the last good snapshot and its time when a read fails", async () => {
    let now = 1_000_000;
    const fake = fakeRead(1);
    const cache = new UsageCache(fake.read, { ttlMs: 10, clock: () => now });
    fake.answer(() => snapshot(3));
    await cache.refresh(1000);
    const good = cache.snapshot;
    const goodAt = cache.lastSuccessMs;

    now += 10;
    fake.answer(() => {
      throw new Error("vendor down");
    });
    await cache.refresh(1000);
    expect(cache.up).toBe(false);
    expect(cache.snapshot).toBe(good);
    expect(cache.lastSuccessMs).toBe(goodAt);
    expect(cache.reads).toEqual({ success: 1, failure: 1 });
  });

  it("also reuses a failure for the TTL, so a failing vendor sees one read per TTL", async () => {
    const fake = fakeRead(1);
    fake.answer(() => {
      throw new Error("vendor down");
    });
    const cache = new UsageCache(fake.read, { ttlMs: 60_000 });
    for (let i = 0; i < 5; i++) await cache.refresh(1000);
    expect(fake.calls.n).toBe(1);
  });

  it("reuses a failure only for the failure TTL, so a recovery shows sooner", async () => {
    const { fake, cache, clock } = failingCache(60_000, 5_000);
    await cache.refresh(1000);
    clock.now += 4_999;
    await cache.refresh(1000);
    expect(fake.calls.n).toBe(1);

    fake.answer(() => snapshot(2));
    clock.now += 1;
    await cache.refresh(1000);
    expect(fake.calls.n).toBe(2);
    expect(cache.up).toBe(true);
    clock.now += 59_999;
    await cache.refresh(1000);
    expect(fake.calls.n).toBe(2);
  });

  it("shares one read among concurrent refreshes after a failure too", async () => {
    const { fake, cache, clock } = failingCache(60_000, 10, 20);
    await cache.refresh(1000);
    clock.now += 10;
    await Promise.all(Array.from({ length: 50 }, () => cache.refresh(1000)));
    expect(fake.calls.n).toBe(2);
  });

  it("never reuses a failure longer than the TTL", async () => {
    const { fake, cache, clock } = failingCache(100, 5_000);
    await cache.refresh(1000);
    clock.now += 100;
    await cache.refresh(1000);
    expect(fake.calls.n).toBe(2);
  });

  it.each([2.5, 1e10, 0, -1, Number.NaN])(
    "keeps reading after a refresh with a budget of %s ms",
    async (budgetMs) => {
      const fake = fakeRead(1);
      const cache = new UsageCache(fake.read, { ttlMs: 0 });
      await cache.refresh(budgetMs);
      await cache.refresh(1000);
      expect(fake.calls.n).toBe(2);
      expect(cache.up).toBe(true);
    },
  );

  it.each([3e9, 1e10])(
    "does not cut short a read whose budget (%s ms) overflows a timer",
    async (ms) => {
      const fake = fakeRead(30);
      const cache = new UsageCache(fake.read, { ttlMs: 60_000 });
      await cache.refresh(ms);
      expect(cache.up).toBe(true);
    },
  );

  // note: these count what the refresh was served, not how long it took: timers fire in order of
  // their due time however loaded the machine, so a 5 s read cannot end before a 100 ms budget
  it("bounds a read by the budget of the refresh that started it", async () => {
    const fake = fakeRead(5_000);
    const cache = new UsageCache(fake.read, { ttlMs: 60_000 });
    await cache.refresh(100);
    expect(fake.calls.signals[0]?.aborted).toBe(true);
    expect(cache.up).toBe(false);
    expect(cache.reads).toEqual({ success: 0, failure: 1 });
  });

  it("lets a late refresh wait no longer than its own budget", async () => {
    const fake = fakeRead(1_000);
    const cache = new UsageCache(fake.read, { ttlMs: 60_000 });
    const first = cache.refresh(10_000);
    await cache.refresh(50);
    // served what the cache held: the shared read is still in flight, and was not started twice
    expect(cache.generation).toBe(0);
    expect(cache.snapshot).toBeUndefined();
    expect(fake.calls.n).toBe(1);
    expect(fake.calls.signals[0]?.aborted).toBe(false);

    await first;
    expect(cache.up).toBe(true);
    expect(cache.reads).toEqual({ success: 1, failure: 0 });
    expect(fake.calls.n).toBe(1);
  });

  it("cancels the read in flight on close and reads no more", async () => {
    const fake = fakeRead(5_000);
    const outcomes: unknown[] = [];
    const cache = new UsageCache(fake.read, { ttlMs: 0, onOutcome: (o) => outcomes.push(o) });
    const refresh = cache.refresh(10_000);
    await sleep(10);
    cache.close();
    await refresh;
    expect(fake.calls.signals[0]?.aborted).toBe(true);
    // a shutdown is not the vendor failing: nothing is counted or logged
    expect(cache.reads).toEqual({ success: 0, failure: 0 });
    expect(outcomes).toEqual([]);
    await cache.refresh(1000);
    expect(fake.calls.n).toBe(1);
  });

  it("survives an outcome callback that throws", async () => {
    const fake = fakeRead(1);
    const cache = new UsageCache(fake.read, {
      ttlMs: 0,
      onOutcome: () => {
        throw new Error("broken logger");
      },
    });
    await expect(cache.refresh(1000)).resolves.toBeUndefined();
    expect(cache.up).toBe(true);
  });
});
