import { afterEach, describe, expect, it } from "vitest";
import { byLabel, sampleValue } from "./exposition.js";
import { type Stack, scrape, startStack } from "./stack.js";

const KEY = "details-key";
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const SEEDS = [
  { city_code: "BERLIN", state_code: "BE", isp_code: "DTAG", quantity: 5 },
  { city_code: "BERLIN", quantity: 1 },
  { city_code: "TOKYO", isp_code: "NTT", quantity: 3 },
  { quantity: 2 },
];

describe("detail views", () => {
  it("are off by default", async () => {
    stack = await startStack([KEY]);
    stack.sandbox.seed(KEY, SEEDS);
    const { samples } = await scrape(stack.exporter);
    const detail = /_by_(city|state|isp)$|^nineproxy_connection_config_info$|_series_dropped$/;
    expect(samples.filter((s) => detail.test(s.name))).toEqual([]);
  });

  it("show city, state, ISP and one info series per config when enabled", async () => {
    stack = await startStack([KEY], { details: true });
    stack.sandbox.seed(KEY, SEEDS);
    const { samples } = await scrape(stack.exporter);
    expect(byLabel(samples, "nineproxy_allocated_ports_by_city", "city_code")).toEqual({
      BERLIN: 6,
      TOKYO: 3,
      any: 2,
    });
    expect(byLabel(samples, "nineproxy_connection_configs_by_state", "state_code")).toEqual({
      BE: 1,
      any: 3,
    });
    expect(byLabel(samples, "nineproxy_allocated_ports_by_isp", "isp_code")).toEqual({
      DTAG: 5,
      NTT: 3,
      any: 3,
    });
    const infos = samples.filter((s) => s.name === "nineproxy_connection_config_info");
    const truth = stack.sandbox.configs(KEY);
    expect(infos.map((s) => [s.labels.start_port, s.labels.end_port])).toEqual(
      truth.map((c) => [String(c.start_port), String(c.end_port)]),
    );
    expect(byLabel(samples, "nineproxy_detail_series_dropped", "view")).toEqual({
      city: 0,
      state: 0,
      isp: 0,
      config: 0,
    });
  });

  it("keep the largest values up to the cap and count what they drop", async () => {
    stack = await startStack([KEY], { details: true, detailsMaxSeries: 2 });
    stack.sandbox.seed(KEY, SEEDS);
    const { samples } = await scrape(stack.exporter);
    expect(byLabel(samples, "nineproxy_allocated_ports_by_city", "city_code")).toEqual({
      BERLIN: 6,
      TOKYO: 3,
    });
    expect(samples.filter((s) => s.name === "nineproxy_connection_config_info")).toHaveLength(2);
    expect(sampleValue(samples, "nineproxy_detail_series_dropped", { view: "city" })).toBe(1);
    expect(sampleValue(samples, "nineproxy_detail_series_dropped", { view: "config" })).toBe(2);
  });
});
