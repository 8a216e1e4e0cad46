import { afterEach, describe, expect, it } from "vitest";
import { startExporter } from "../src/index.js";
import { parseSamples, sampleValue } from "./exposition.js";
import { get, type Stack, startStack } from "./stack.js";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe("the HTTP server", () => {
  it("serves the text format by default, with prom-client's content type", async () => {
    stack = await startStack(["http-key"]);
    const page = await get(stack.exporter.metricsUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(page.body).toContain("# TYPE nineproxy_api_requests_total counter");
  });

  it("serves OpenMetrics when the scraper asks for it", async () => {
    stack = await startStack(["http-key"]);
    const accept = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";
    const page = await get(stack.exporter.metricsUrl, { Accept: accept });
    expect(page.headers.get("content-type")).toBe(
      "application/openmetrics-text; version=1.0.0; charset=utf-8",
    );
    expect(page.body.endsWith("# EOF\n")).toBe(true);
    expect(page.body).toContain("# TYPE nineproxy_api_requests counter");
    expect(page.body).toMatch(/^nineproxy_api_requests_total\{/m);

    // note: prom-client renames counters for OpenMetrics; the text format must not see that
    const text = await get(stack.exporter.metricsUrl);
    expect(text.body).toContain("# TYPE nineproxy_api_requests_total counter");
  });

  it("serves a landing page linking the metrics and each account's probe", async () => {
    stack = await startStack(["key-a", "key-b"]);
    const page = await get(`${stack.exporter.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.body).toContain('href="/metrics"');
    expect(page.body).toContain('href="/probe?target=acct1"');
  });

  it.each([
    ["/healthz", 200, "ok\n"],
    ["/nope", 404, "not found\n"],
    [
      "/probe?target=ghost",
      400,
      "unknown target: use /probe?target=<account>, one of: acct0, acct1\n",
    ],
    ["/probe", 400, "unknown target: use /probe?target=<account>, one of: acct0, acct1\n"],
  ])("answers GET %s with %d", async (path, status, body) => {
    stack = await startStack(["key-a", "key-b"]);
    const page = await get(`${stack.exporter.url}${path}`);
    expect(page.status).toBe(status);
    expect(page.body).toBe(body);
  });

  it("reuses a rendered page for up to a second while no read ends", async () => {
    stack = await startStack(["http-key"], { cacheTtlMs: 60_000 });
    const first = await get(stack.exporter.metricsUrl);
    const again = await get(stack.exporter.metricsUrl);
    expect(again.body).toBe(first.body);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await get(stack.exporter.metricsUrl);
    expect(later.body).not.toBe(first.body);
  });

  it("renders afresh as soon as a read ends", async () => {
    stack = await startStack(["http-key"], { cacheTtlMs: 0 });
    const first = await get(stack.exporter.metricsUrl);
    stack.sandbox.seed("http-key", [{ quantity: 2 }]);
    const again = await get(stack.exporter.metricsUrl);
    expect(again.body).toMatch(/^nineproxy_allocated_ports\{account="default"\} 2$/m);
    expect(first.body).toMatch(/^nineproxy_allocated_ports\{account="default"\} 0$/m);
  });

  it("refuses other methods with 405", async () => {
    stack = await startStack(["http-key"]);
    const response = await fetch(stack.exporter.metricsUrl, { method: "POST" });
    expect(response.status).toBe(405);
  });

  it("serves the metrics on the telemetry path it is given", async () => {
    stack = await startStack(["http-key"], { telemetryPath: "/custom" });
    expect(stack.exporter.metricsUrl.endsWith("/custom")).toBe(true);
    expect((await get(stack.exporter.metricsUrl)).status).toBe(200);
    expect((await get(`${stack.exporter.url}/metrics`)).status).toBe(404);
  });
});

describe("several accounts", () => {
  it("exports each account under its own label from one scrape", async () => {
    stack = await startStack(["key-a", "key-b"]);
    stack.sandbox.seed("key-a", [{ quantity: 3 }]);
    stack.sandbox.seed("key-b", [{ quantity: 5 }, { quantity: 1 }]);
    const samples = parseSamples((await get(stack.exporter.metricsUrl)).body);
    expect(sampleValue(samples, "nineproxy_allocated_ports", { account: "acct0" })).toBe(3);
    expect(sampleValue(samples, "nineproxy_allocated_ports", { account: "acct1" })).toBe(6);
    expect(sampleValue(samples, "nineproxy_up", { account: "acct1" })).toBe(1);
  });

  it("probes one account at a time in the multi-target style", async () => {
    stack = await startStack(["key-a", "key-b"]);
    stack.sandbox.seed("key-b", [{ quantity: 5 }]);
    const page = await get(`${stack.exporter.url}/probe?target=acct1`);
    expect(page.status).toBe(200);
    const samples = parseSamples(page.body);
    expect(sampleValue(samples, "nineproxy_allocated_ports")).toBe(5);
    expect(samples.every((s) => s.labels.account === "acct1")).toBe(true);
    expect(samples.some((s) => s.name.startsWith("process_"))).toBe(false);
  });

  it("keeps one account's outage from hiding the others", async () => {
    stack = await startStack(["key-a"]);
    // a second account whose key the sandbox does not know: 403 on every read
    const exporter = await startExporter({
      port: 0,
      logger: stack.log.logger,
      accounts: [
        { name: "good", baseUrl: stack.sandbox.url, apiKey: "key-a" },
        { name: "revoked", baseUrl: stack.sandbox.url, apiKey: "not-a-sandbox-key" },
      ],
    });
    try {
      const samples = parseSamples((await get(exporter.metricsUrl)).body);
      expect(sampleValue(samples, "nineproxy_up", { account: "good" })).toBe(1);
      expect(sampleValue(samples, "nineproxy_up", { account: "revoked" })).toBe(0);
      expect(
        sampleValue(samples, "nineproxy_api_requests_total", {
          account: "revoked",
          operation: "list",
          status_class: "4xx",
        }),
      ).toBe(1);
    } finally {
      await exporter.close();
    }
  });
});
