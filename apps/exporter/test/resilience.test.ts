import { afterEach, describe, expect, it } from "vitest";
import { sampleValue } from "./exposition.js";
import { type Stack, scrape, startStack } from "./stack.js";

const KEY = "resilience-test-key";
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe("when the vendor fails", () => {
  it.each([
    ["503 on every list", { kind: "status", status: 503 }],
    ["an HTML error page", { kind: "html", status: 502 }],
    ["success: false with 200", { kind: "success-false" }],
    ["a self-redirect loop", { kind: "redirect-self", status: 308 }],
    ["a reset connection", { kind: "reset-before" }],
    ["a 403 (key revoked)", { kind: "status", status: 403 }],
  ] as const)("answers 200 with up 0 and the last good values, on %s", async (_name, fault) => {
    stack = await startStack([KEY], { cacheTtlMs: 0 });
    stack.sandbox.seed(KEY, [{ quantity: 10 }, { quantity: 2 }]);
    const good = await scrape(stack.exporter);
    const goodAt = sampleValue(good.samples, "nineproxy_last_success_timestamp_seconds");
    expect(sampleValue(good.samples, "nineproxy_up")).toBe(1);

    stack.sandbox.faults.add({ route: "list", ...fault } as never);
    const bad = await scrape(stack.exporter);
    expect(bad.status).toBe(200);
    expect(sampleValue(bad.samples, "nineproxy_up")).toBe(0);
    expect(sampleValue(bad.samples, "nineproxy_allocated_ports")).toBe(12);
    expect(sampleValue(bad.samples, "nineproxy_last_success_timestamp_seconds")).toBe(goodAt);
    expect(sampleValue(bad.samples, "nineproxy_upstream_reads_total", { result: "failure" })).toBe(
      1,
    );
    expect(stack.log.lines.some((l) => l.includes('"upstream read failed"'))).toBe(true);

    stack.sandbox.faults.clear();
    const back = await scrape(stack.exporter);
    expect(sampleValue(back.samples, "nineproxy_up")).toBe(1);
  });

  it("shows the recovery once the failure TTL has passed, well inside the TTL", async () => {
    stack = await startStack([KEY], { cacheTtlMs: 60_000, cacheFailureTtlMs: 200 });
    stack.sandbox.seed(KEY, [{ quantity: 4 }]);
    stack.sandbox.faults.add({ route: "list", kind: "status", status: 503 });
    expect(sampleValue((await scrape(stack.exporter)).samples, "nineproxy_up")).toBe(0);

    stack.sandbox.faults.clear();
    expect(sampleValue((await scrape(stack.exporter)).samples, "nineproxy_up")).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const back = await scrape(stack.exporter);
    expect(sampleValue(back.samples, "nineproxy_up")).toBe(1);
    expect(sampleValue(back.samples, "nineproxy_allocated_ports")).toBe(4);
  });

  it.each(["1e10", "0.333", "9.9999"])(
    "keeps reading after a scrape whose timeout header is %s seconds",
    async (seconds) => {
      const s = await startStack([KEY], { cacheTtlMs: 0 });
      stack = s;
      s.sandbox.seed(KEY, [{ quantity: 1 }]);
      const header = { "X-Prometheus-Scrape-Timeout-Seconds": seconds };
      const first = await scrape(s.exporter, header);
      expect(sampleValue(first.samples, "nineproxy_up")).toBe(1);

      s.sandbox.seed(KEY, [{ quantity: 2 }]);
      const next = await scrape(s.exporter, header);
      expect(sampleValue(next.samples, "nineproxy_allocated_ports")).toBe(3);
    },
  );

  it("answers within the scraper's timeout when the vendor hangs", async () => {
    stack = await startStack([KEY], { cacheTtlMs: 0, scrapeTimeoutOffsetMs: 200 });
    stack.sandbox.faults.add({ route: "list", kind: "hang" });
    const started = Date.now();
    const page = await scrape(stack.exporter, { "X-Prometheus-Scrape-Timeout-Seconds": "1" });
    const elapsed = Date.now() - started;
    expect(page.status).toBe(200);
    expect(elapsed).toBeLessThan(1000);
    expect(elapsed).toBeGreaterThanOrEqual(750);
    expect(sampleValue(page.samples, "nineproxy_up")).toBe(0);
  });

  it("shows no usage before the first good read, rather than zeros", async () => {
    stack = await startStack([KEY], { cacheTtlMs: 0 });
    stack.sandbox.faults.add({ route: "list", kind: "status", status: 500 });
    const { samples } = await scrape(stack.exporter);
    expect(sampleValue(samples, "nineproxy_up")).toBe(0);
    expect(sampleValue(samples, "nineproxy_connection_configs")).toBeUndefined();
    expect(sampleValue(samples, "nineproxy_last_success_timestamp_seconds")).toBeUndefined();
  });

  it("reads upstream once for a burst of concurrent scrapes", async () => {
    const s = await startStack([KEY]);
    stack = s;
    s.sandbox.seed(KEY, 450);
    s.sandbox.faults.add({ route: "list", kind: "latency", ms: 50 });
    const pages = await Promise.all(Array.from({ length: 40 }, () => scrape(s.exporter)));
    const last = pages.at(-1)?.samples ?? [];
    expect(pages.every((p) => sampleValue(p.samples, "nineproxy_connection_configs") === 450)).toBe(
      true,
    );
    expect(sampleValue(last, "nineproxy_upstream_reads_total", { result: "success" })).toBe(1);
    expect(sampleValue(last, "nineproxy_api_requests_total", { operation: "list" })).toBe(5);
  });
});
