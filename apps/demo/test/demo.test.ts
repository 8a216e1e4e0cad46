import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "@nineproxy/api-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Demo, DemoPortError, startDemo } from "../src/index.js";

/** Reads the value of every sample of the Prometheus text format into "name{labels}" → value. */
function parseSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match) samples.set(`${match[1]}${match[2] ?? ""}`, Number(match[3]));
  }
  return samples;
}

function ports(c: Config): number {
  return (c.end_port ?? 0) - (c.start_port ?? 0) + 1;
}

/** Sums configs and ports per key, computed here from the sandbox's own state. */
function tally(configs: Config[], key: (c: Config) => string) {
  const out = new Map<string, { configs: number; ports: number }>();
  for (const c of configs) {
    const entry = out.get(key(c)) ?? { configs: 0, ports: 0 };
    entry.configs += 1;
    entry.ports += ports(c);
    out.set(key(c), entry);
  }
  return out;
}

async function scrape(demo: Demo): Promise<Map<string, number>> {
  const res = await fetch(demo.exporter.metricsUrl);
  expect(res.status).toBe(200);
  return parseSamples(await res.text());
}

describe("the README's main job", () => {
  let demo: Demo;

  beforeAll(async () => {
    demo = await startDemo({ sandboxPort: 0, exporterPort: 0, cacheTtlMs: 0, logLevel: "silent" });
  });
  afterAll(async () => {
    await demo?.close();
  });

  it("seeds a realistic account: dozens of configs, several countries, both session types", () => {
    const configs = demo.sandbox.configs(demo.apiKey);
    expect(configs.length).toBeGreaterThanOrEqual(24);
    expect(new Set(configs.map((c) => c.country_code)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(configs.map((c) => c.is_keep))).toEqual(new Set([0, 1]));
  });

  it("serves metrics whose values equal what the sandbox holds", async () => {
    const configs = demo.sandbox.configs(demo.apiKey);
    const samples = await scrape(demo);
    const label = 'account="demo"';

    expect(samples.get(`nineproxy_up{${label}}`)).toBe(1);
    expect(samples.get(`nineproxy_connection_configs{${label}}`)).toBe(configs.length);
    expect(samples.get(`nineproxy_allocated_ports{${label}}`)).toBe(
      configs.reduce((sum, c) => sum + ports(c), 0),
    );
    const byCountry = tally(configs, (c) => c.country_code ?? "any");
    for (const [country, want] of byCountry) {
      const labels = `{${label},country_code="${country}"}`;
      expect(samples.get(`nineproxy_connection_configs_by_country${labels}`)).toBe(want.configs);
      expect(samples.get(`nineproxy_allocated_ports_by_country${labels}`)).toBe(want.ports);
    }
    const byMode = tally(configs, (c) => (c.is_keep === 1 ? "sticky" : "rotating"));
    for (const [mode, want] of byMode) {
      const labels = `{${label},session_mode="${mode}"}`;
      expect(samples.get(`nineproxy_connection_configs_by_session_mode${labels}`)).toBe(
        want.configs,
      );
      expect(samples.get(`nineproxy_allocated_ports_by_session_mode${labels}`)).toBe(want.ports);
    }
  });

  it("follows the sandbox when configs are created and deleted", async () => {
    const before = demo.sandbox.configs(demo.apiKey);
    const url = (path: string) => `${demo.sandbox.url}${path}?api-key=${demo.apiKey}`;
    const created = await fetch(url("/client/v1/proxy-connection/create"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ quantity: 7, session_type: 1, country_code: "NL" }),
    }).then((r) => r.json() as Promise<{ success: boolean }>);
    expect(created.success).toBe(true);
    const first = before[0]?.start_port;
    await fetch(url("/client/v1/proxy-connection/delete"), {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start_ports: [first] }),
    });

    const after = demo.sandbox.configs(demo.apiKey);
    expect(after.length).toBe(before.length);
    const samples = await scrape(demo);
    expect(samples.get('nineproxy_connection_configs{account="demo"}')).toBe(after.length);
    expect(samples.get('nineproxy_allocated_ports{account="demo"}')).toBe(
      after.reduce((sum, c) => sum + ports(c), 0),
    );
    expect(
      samples.get('nineproxy_allocated_ports_by_country{account="demo",country_code="NL"}'),
    ).toBe(7);
  });
});

describe("a port the demo needs is taken", () => {
  it.each(["sandbox", "exporter"] as const)(
    "stops with one line naming the demo's own flag for the %s",
    async (which) => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      const taken = (blocker.address() as AddressInfo).port;
      try {
        const ports =
          which === "sandbox"
            ? { sandboxPort: taken, exporterPort: 0 }
            : { sandboxPort: 0, exporterPort: taken };
        const started = startDemo({ ...ports, logLevel: "silent" });
        await expect(started).rejects.toThrow(DemoPortError);
        await expect(started).rejects.toThrow(
          `the ${which} port 127.0.0.1:${taken} is in use: pass --${which}-port N`,
        );
      } finally {
        blocker.close();
      }
    },
  );
});
