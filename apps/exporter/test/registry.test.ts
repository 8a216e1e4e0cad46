import { describe, expect, it } from "vitest";
import type { AccountView } from "../src/metrics/family.js";
import { buildRegistry } from "../src/metrics/registry.js";
import { RequestCounts } from "../src/upstream/request-counts.js";
import { UsageCache } from "../src/upstream/usage-cache.js";
import { parseSamples, sampleValue } from "./exposition.js";

/** An account whose snapshot throws when read, as a corrupt cache might. */
function brokenAccount(): AccountView {
  const cache = new UsageCache(async () => ({}) as never, { ttlMs: 0 });
  Object.defineProperty(cache, "snapshot", {
    get() {
      throw new Error("corrupt");
    },
  });
  return { name: "broken", cache, requests: new RequestCounts(), poolSize: 10 };
}

describe("buildRegistry", () => {
  it("never lets a failing family break the page, and reports each failure", async () => {
    const failures: string[] = [];
    const registry = buildRegistry({
      accounts: [brokenAccount()],
      format: "prometheus",
      details: true,
      processMetrics: false,
      onError: (family) => failures.push(family),
    });
    const samples = parseSamples(await registry.metrics());
    expect(sampleValue(samples, "nineproxy_up", { account: "broken" })).toBe(0);
    expect(sampleValue(samples, "nineproxy_port_pool_size", { account: "broken" })).toBe(10);
    expect(failures).toContain("nineproxy_connection_configs");
    expect(failures).toContain("nineproxy_connection_config_info");
  });

  it("shows no process metrics on a probe registry", async () => {
    const registry = buildRegistry({
      accounts: [],
      format: "openmetrics",
      details: false,
      processMetrics: false,
      onError: () => {},
    });
    const page = await registry.metrics();
    expect(page).not.toMatch(/^process_|^nodejs_|build_info/m);
    expect(page.endsWith("# EOF\n")).toBe(true);
  });
});
