import { summarize } from "@nineproxy/usage";
import { afterEach, describe, expect, it } from "vitest";
import { byLabel, sampleValue } from "./exposition.js";
import { type Stack, scrape, startStack } from "./stack.js";

const KEY = "usage-test-key";
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** Seeds a varied account: countries, both session modes, two proxy types, both servers. */
function seedVaried(s: Stack) {
  s.sandbox.seed(KEY, [
    { country_code: "US", session_type: 2, quantity: 10, proxy_type: 1, updated_at: 1_700_000_100 },
    { country_code: "US", session_type: 1, quantity: 5, proxy_type: 2, updated_at: 1_700_000_300 },
    { country_code: "DE", session_type: 2, quantity: 1, proxy_type: 1, city_code: "BERLIN" },
    { session_type: 1, quantity: 3 },
    { country_code: "JP", session_type: 1, start_port: 40000, quantity: 7 },
  ]);
}

describe("usage metrics", () => {
  it("equal the sandbox's truth, dimension by dimension", async () => {
    stack = await startStack([KEY]);
    seedVaried(stack);
    const truth = summarize(stack.sandbox.configs(KEY));
    const { samples } = await scrape(stack.exporter);

    expect(sampleValue(samples, "nineproxy_up")).toBe(1);
    expect(sampleValue(samples, "nineproxy_connection_configs")).toBe(5);
    expect(sampleValue(samples, "nineproxy_allocated_ports")).toBe(26);
    const tallies = (pick: Record<string, { configs: number; ports: number }>) => ({
      configs: Object.fromEntries(Object.entries(pick).map(([k, t]) => [k, t.configs])),
      ports: Object.fromEntries(Object.entries(pick).map(([k, t]) => [k, t.ports])),
    });
    for (const [dimension, label, pick] of [
      ["country", "country_code", truth.byCountry],
      ["session_mode", "session_mode", truth.bySessionMode],
      ["proxy_type", "proxy_type", truth.byProxyType],
      ["server", "server_id", truth.byServer],
    ] as const) {
      const want = tallies(pick);
      expect(byLabel(samples, `nineproxy_connection_configs_by_${dimension}`, label)).toEqual(
        want.configs,
      );
      expect(byLabel(samples, `nineproxy_allocated_ports_by_${dimension}`, label)).toEqual(
        want.ports,
      );
    }
    expect(byLabel(samples, "nineproxy_allocated_ports_by_country", "country_code")).toEqual({
      US: 15,
      DE: 1,
      any: 3,
      JP: 7,
    });
    expect(byLabel(samples, "nineproxy_server_lowest_start_port", "server_id")).toEqual({
      "1": 10000,
      "2": 40000,
    });
    expect(byLabel(samples, "nineproxy_server_highest_end_port", "server_id")).toEqual({
      "1": 10018,
      "2": 40006,
    });
    expect(sampleValue(samples, "nineproxy_newest_config_update_timestamp_seconds")).toBe(
      truth.newestUpdatedAt,
    );
    expect(byLabel(samples, "nineproxy_inconsistent_configs", "reason")).toEqual({
      end_before_start: 0,
      overlapping: 0,
      missing_ports: 0,
    });
  });

  it("label every sample with the account", async () => {
    stack = await startStack([KEY], { accountName: "main" });
    seedVaried(stack);
    const { samples } = await scrape(stack.exporter);
    const ours = samples.filter(
      (s) => s.name.startsWith("nineproxy_") && !s.name.includes("build"),
    );
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.every((s) => s.labels.account === "main")).toBe(true);
  });

  it("show the pool size and the share in use when the pool size is given", async () => {
    stack = await startStack([KEY], { poolSize: 104 });
    seedVaried(stack);
    const { samples } = await scrape(stack.exporter);
    expect(sampleValue(samples, "nineproxy_port_pool_size")).toBe(104);
    expect(sampleValue(samples, "nineproxy_port_pool_usage_ratio")).toBe(0.25);
  });

  it("show no pool metrics when the pool size is not given", async () => {
    stack = await startStack([KEY]);
    const { samples } = await scrape(stack.exporter);
    expect(sampleValue(samples, "nineproxy_port_pool_size")).toBeUndefined();
    expect(sampleValue(samples, "nineproxy_port_pool_usage_ratio")).toBeUndefined();
  });

  it("follow creates and deletes once the TTL has passed, and not before", async () => {
    stack = await startStack([KEY], { cacheTtlMs: 300 });
    seedVaried(stack);
    expect(
      sampleValue((await scrape(stack.exporter)).samples, "nineproxy_connection_configs"),
    ).toBe(5);

    stack.sandbox.seed(KEY, [{ quantity: 4 }]);
    expect(
      sampleValue((await scrape(stack.exporter)).samples, "nineproxy_connection_configs"),
    ).toBe(5);

    await new Promise((resolve) => setTimeout(resolve, 350));
    const after = (await scrape(stack.exporter)).samples;
    expect(sampleValue(after, "nineproxy_connection_configs")).toBe(6);
    expect(sampleValue(after, "nineproxy_allocated_ports")).toBe(30);
  });

  it("count API requests by operation and status class, and reads by result", async () => {
    stack = await startStack([KEY]);
    stack.sandbox.seed(KEY, 250);
    const { samples } = await scrape(stack.exporter);
    // 250 configs in pages of 100: three list requests
    expect(
      sampleValue(samples, "nineproxy_api_requests_total", {
        operation: "list",
        status_class: "2xx",
      }),
    ).toBe(3);
    expect(sampleValue(samples, "nineproxy_upstream_reads_total", { result: "success" })).toBe(1);
    expect(sampleValue(samples, "nineproxy_upstream_reads_total", { result: "failure" })).toBe(0);
    expect(sampleValue(samples, "nineproxy_scrape_duration_seconds")).toBeGreaterThan(0);
    const last = sampleValue(samples, "nineproxy_last_success_timestamp_seconds") ?? 0;
    expect(Math.abs(last - Date.now() / 1000)).toBeLessThan(5);
  });

  it("describe the exporter with build info and Node's default metrics", async () => {
    stack = await startStack([KEY]);
    const { samples } = await scrape(stack.exporter);
    const info = samples.find((s) => s.name === "nineproxy_exporter_build_info");
    expect(info?.value).toBe(1);
    expect(info?.labels.node_version).toBe(process.version);
    expect(samples.some((s) => s.name === "process_resident_memory_bytes")).toBe(true);
  });
});
