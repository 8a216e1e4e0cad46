import { fileURLToPath } from "node:url";
import { createClient } from "@nineproxy/client";
import { summarize, type UsageSummary } from "@nineproxy/usage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSent, dashboardExprs } from "./dashboard-file.js";
import { eventually, startPrometheus, type TestPrometheus } from "./prometheus-tools.js";
import { type Stack, startStack } from "./stack.js";

const KEY = "e2e-key";
const ALERTS = fileURLToPath(new URL("../deploy/alerts.yml", import.meta.url));

describe("a real Prometheus scraping the exporter every second", { timeout: 90_000 }, () => {
  let stack: Stack;
  let prometheus: TestPrometheus;

  beforeAll(async () => {
    stack = await startStack([KEY], {
      cacheTtlMs: 500,
      poolSize: 1000,
      scrapeTimeoutOffsetMs: 300,
    });
    stack.sandbox.seed(KEY, [
      { country_code: "US", session_type: 2, quantity: 10, proxy_type: 1 },
      { country_code: "US", session_type: 1, quantity: 5, proxy_type: 2 },
      { country_code: "DE", session_type: 2, quantity: 3 },
      { session_type: 1, quantity: 2 },
    ]);
    prometheus = await startPrometheus({
      target: new URL(stack.exporter.url).host,
      jobName: "nineproxy",
      scrapeInterval: "1s",
      ruleFiles: [ALERTS],
    });
  }, 40_000);

  afterAll(async () => {
    await prometheus?.close();
    await stack?.close();
  });

  /** The stored value of a one-series query, or undefined when there is none. */
  const stored = async (expr: string) => {
    const result = await prometheus.query(expr);
    return result.length === 1 ? Number(result[0]?.value[1]) : undefined;
  };

  /** Waits until Prometheus stores what the sandbox holds now, dimension by dimension. */
  const storesTruth = async (truth: UsageSummary) => {
    await eventually(`allocated ports = ${truth.allocatedPorts}`, async () => {
      return (
        (await stored("nineproxy_allocated_ports")) === truth.allocatedPorts &&
        (await stored("nineproxy_connection_configs")) === truth.configs
      );
    });
    for (const [country, tally] of Object.entries(truth.byCountry)) {
      const expr = `nineproxy_allocated_ports_by_country{country_code="${country}"}`;
      expect(await stored(expr), country).toBe(tally.ports);
    }
    for (const [mode, tally] of Object.entries(truth.bySessionMode)) {
      const expr = `nineproxy_connection_configs_by_session_mode{session_mode="${mode}"}`;
      expect(await stored(expr), mode).toBe(tally.configs);
    }
    expect(await stored("nineproxy_port_pool_usage_ratio")).toBe(truth.allocatedPorts / 1000);
  };

  it("stores the sandbox's truth", async () => {
    await storesTruth(summarize(stack.sandbox.configs(KEY)));
    expect(await stored('up{job="nineproxy"}')).toBe(1);
    expect(await stored("nineproxy_up")).toBe(1);
  });

  it("follows configs created and deleted through the API", async () => {
    const client = createClient({ apiKey: KEY, baseUrl: stack.sandbox.url });
    const created = await client.configs.create({
      quantity: 7,
      session_type: 2,
      country_code: "JP",
    });
    await client.configs.create({ quantity: 1, session_type: 1 });
    await storesTruth(summarize(stack.sandbox.configs(KEY)));

    const firstPort = stack.sandbox.configs(KEY)[0]?.start_port ?? 0;
    await client.configs.delete([created.start_port ?? 0, firstPort]);
    const truth = summarize(stack.sandbox.configs(KEY));
    expect(truth.configs).toBe(4);
    await storesTruth(truth);
  });

  it("shows a vendor outage as nineproxy_up 0 with the last values kept, then recovers", async () => {
    const before = await stored("nineproxy_allocated_ports");
    stack.sandbox.faults.add({ route: "list", kind: "status", status: 503 });
    await eventually("nineproxy_up 0", async () => (await stored("nineproxy_up")) === 0);
    expect(await stored('up{job="nineproxy"}')).toBe(1);
    expect(await stored("nineproxy_allocated_ports")).toBe(before);
    const failures = await stored('nineproxy_api_requests_total{status_class="5xx"}');
    expect(failures).toBeGreaterThan(0);

    stack.sandbox.faults.clear();
    await eventually("nineproxy_up 1", async () => (await stored("nineproxy_up")) === 1);
  });

  it("answers every dashboard query with data", async () => {
    for (const expr of dashboardExprs) {
      const result = await prometheus.query(asSent(expr));
      expect(result.length, expr).toBeGreaterThan(0);
    }
  });

  it("loads the alerting rules", async () => {
    const response = await fetch(`${prometheus.url}/api/v1/rules`);
    const body = (await response.json()) as {
      data: { groups: Array<{ rules: Array<{ name: string; health: string }> }> };
    };
    const rules = body.data.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.name).sort()).toEqual([
      "NineProxyDataStale",
      "NineProxyExporterDown",
      "NineProxyInconsistentConfigs",
      "NineProxyPortPoolNearlyFull",
      "NineProxyVendorFailing",
    ]);
    await eventually("rules evaluated", async () => {
      const r = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as typeof body;
      return r.data.groups.flatMap((g) => g.rules).every((rule) => rule.health === "ok");
    });
  });
});
