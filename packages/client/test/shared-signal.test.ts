import { getEventListeners } from "node:events";
import { beforeEach, describe, expect, it } from "vitest";
import { fastClient, thrown, useSandbox } from "./helpers.js";

const ctx = useSandbox();
beforeEach(() => ctx.sb.reset());

describe("many calls sharing one caller's signal", () => {
  it("add one listener to it, so Node prints no warning, and all stop when it fires", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => void warnings.push(w);
    process.on("warning", onWarning);
    try {
      const hang = ctx.sb.faults.add({ kind: "hang", route: "list" });
      const controller = new AbortController();
      const client = fastClient(ctx.sb.url, { timeoutMs: 10_000 });
      const calls = Array.from({ length: 50 }, () =>
        thrown(() => client.configs.list({}, { signal: controller.signal })),
      );
      // let every call reach the sandbox before aborting
      await waitFor(() => hang.hits >= 50);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort();
      const errors = await Promise.all(calls);
      expect(errors.map((e) => e.name)).toEqual(Array(50).fill("AbortedError"));
      // note: warnings are emitted on the next tick
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("in a backoff sleep add one listener too", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => void warnings.push(w);
    process.on("warning", onWarning);
    try {
      const busy = ctx.sb.faults.add({ kind: "status", status: 503, route: "list" });
      const controller = new AbortController();
      const client = fastClient(ctx.sb.url, { backoff: { baseMs: 60_000, capMs: 60_000 } });
      const calls = Array.from({ length: 50 }, () =>
        thrown(() =>
          client.configs.list(
            {},
            { signal: controller.signal, maxAttempts: 2, deadlineMs: 600_000 },
          ),
        ),
      );
      // every call has had its 503 and is asleep for a minute before its second attempt
      await waitFor(() => busy.hits >= 50);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort();
      const errors = await Promise.all(calls);
      expect(errors.map((e) => e.message)).toEqual(
        Array(50).fill(expect.stringMatching(/aborted by the caller while waiting to retry/)),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
}
