import type { Config } from "@nineproxy/api-types";
import { describe, expect, it } from "vitest";
import { shareInUse, summarize, tallyBy } from "../src/index.js";

const sticky = { is_keep: 1, is_random_ip: 0 };
const rotating = { is_keep: 0, is_random_ip: 1 };

const CONFIGS: Config[] = [
  {
    server_id: 1,
    proxy_type: 1,
    country_code: "US",
    start_port: 10000,
    end_port: 10009,
    ...sticky,
    updated_at: 100,
  },
  {
    server_id: 1,
    proxy_type: 1,
    country_code: "US",
    start_port: 10010,
    end_port: 10014,
    ...rotating,
    updated_at: 300,
  },
  {
    server_id: 2,
    proxy_type: 2,
    country_code: "DE",
    start_port: 20000,
    end_port: 20000,
    ...sticky,
    updated_at: 200,
  },
  {
    server_id: 2,
    proxy_type: 2,
    country_code: null,
    start_port: 20001,
    end_port: 20002,
    ...rotating,
  },
];

describe("summarize", () => {
  it("counts configs and sums ports over every dimension", () => {
    const s = summarize(CONFIGS);
    expect(s.configs).toBe(4);
    expect(s.allocatedPorts).toBe(18);
    expect(s.byCountry).toEqual({
      US: { configs: 2, ports: 15 },
      DE: { configs: 1, ports: 1 },
      any: { configs: 1, ports: 2 },
    });
    expect(s.bySessionMode).toEqual({
      sticky: { configs: 2, ports: 11 },
      rotating: { configs: 2, ports: 7 },
      unknown: { configs: 0, ports: 0 },
    });
    expect(s.byProxyType).toEqual({
      "1": { configs: 2, ports: 15 },
      "2": { configs: 2, ports: 3 },
    });
  });

  it("gives each server its configs, ports and port span", () => {
    expect(summarize(CONFIGS).byServer).toEqual({
      "1": { configs: 2, ports: 15, lowestStartPort: 10000, highestEndPort: 10014 },
      "2": { configs: 2, ports: 3, lowestStartPort: 20000, highestEndPort: 20002 },
    });
  });

  it("reports the newest updated_at, and none for configs without one", () => {
    expect(summarize(CONFIGS).newestUpdatedAt).toBe(300);
    expect(summarize([{ start_port: 1, end_port: 1 }]).newestUpdatedAt).toBeUndefined();
  });

  it("is all zeros for an account without configs", () => {
    expect(summarize([])).toEqual({
      configs: 0,
      allocatedPorts: 0,
      byCountry: {},
      bySessionMode: {
        sticky: { configs: 0, ports: 0 },
        rotating: { configs: 0, ports: 0 },
        unknown: { configs: 0, ports: 0 },
      },
      byProxyType: {},
      byServer: {},
      inconsistent: { endBeforeStart: 0, overlapping: 0, missingPorts: 0 },
    });
  });

  it("counts inconsistent configs and keeps their ports out of every sum", () => {
    const s = summarize([
      { server_id: 1, start_port: 100, end_port: 90, country_code: "US" },
      { server_id: 1, start_port: 5 },
      { server_id: 1, start_port: 10, end_port: 19 },
    ]);
    expect(s.configs).toBe(3);
    expect(s.allocatedPorts).toBe(10);
    expect(s.byCountry.US).toEqual({ configs: 1, ports: 0 });
    expect(s.byServer["1"]).toEqual({
      configs: 3,
      ports: 10,
      lowestStartPort: 10,
      highestEndPort: 19,
    });
    expect(s.inconsistent).toEqual({ endBeforeStart: 1, overlapping: 0, missingPorts: 1 });
  });

  it("counts configs that overlap on the same server, but not across servers", () => {
    const s = summarize([
      { server_id: 1, start_port: 10, end_port: 19 },
      { server_id: 1, start_port: 15, end_port: 24 },
      { server_id: 2, start_port: 10, end_port: 19 },
    ]);
    expect(s.inconsistent.overlapping).toBe(2);
  });

  it("labels absent proxy_type and server_id unknown, and blank country codes any", () => {
    const s = summarize([{ country_code: " ", start_port: 1, end_port: 2 }]);
    expect(s.byProxyType).toEqual({ unknown: { configs: 1, ports: 2 } });
    expect(s.byServer).toEqual({
      unknown: { configs: 1, ports: 2, lowestStartPort: 1, highestEndPort: 2 },
    });
    expect(s.byCountry).toEqual({ any: { configs: 1, ports: 2 } });
  });

  it("keeps a country code named __proto__ as data", () => {
    const s = summarize([{ country_code: "__proto__", start_port: 1, end_port: 1 }]);
    expect(Object.keys(s.byCountry)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(s.byCountry, "__proto__")?.value).toEqual({
      configs: 1,
      ports: 1,
    });
  });

  it("reads any iterable once, such as a generator", () => {
    function* gen() {
      yield* CONFIGS;
    }
    expect(summarize(gen()).configs).toBe(4);
  });
});

describe("tallyBy", () => {
  it("groups by any key, largest by ports first", () => {
    const tallies = tallyBy(CONFIGS, (c) => String(c.server_id));
    expect(tallies).toEqual([
      ["1", { configs: 2, ports: 15 }],
      ["2", { configs: 2, ports: 3 }],
    ]);
  });
});

describe("shareInUse", () => {
  it.each([
    [50, 200, 0.25],
    [0, 10, 0],
    [30, 20, 1.5],
    [5, 0, undefined],
    [5, Number.NaN, undefined],
  ])("of %d ports in a pool of %d is %s", (used, pool, share) => {
    expect(shareInUse(used, pool)).toBe(share);
  });
});
