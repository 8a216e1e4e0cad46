import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promtool, requireTool } from "./prometheus-tools.js";
import { get, type Stack, startStack } from "./stack.js";

const DEPLOY = fileURLToPath(new URL("../deploy/", import.meta.url));

describe("promtool", () => {
  let stack: Stack;
  beforeAll(async () => {
    requireTool("promtool");
    stack = await startStack(["promtool-key"], { details: true, poolSize: 5000, cacheTtlMs: 0 });
    stack.sandbox.seed("promtool-key", [
      { country_code: "US", city_code: "NYC", isp_code: "X", quantity: 4 },
      { country_code: "DE", session_type: 2, quantity: 2 },
    ]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("finds nothing to lint in the exporter's own output, after good and failed reads", async () => {
    await get(stack.exporter.metricsUrl);
    stack.sandbox.faults.add({ route: "list", kind: "status", status: 503 });
    await get(stack.exporter.metricsUrl);
    stack.sandbox.faults.clear();
    const page = await get(stack.exporter.metricsUrl);
    expect(page.body).toContain('status_class="5xx"');

    const result = promtool(["check", "metrics"], page.body);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("finds the alerting rules valid", () => {
    const result = promtool(["check", "rules", "alerts.yml"], undefined, DEPLOY);
    expect(result.output).toContain("SUCCESS: 5 rules found");
    expect(result.code).toBe(0);
  });

  it("passes the alerting rules' unit tests", () => {
    const result = promtool(["test", "rules", "alerts.test.yml"], undefined, DEPLOY);
    expect(result.output).toContain("SUCCESS");
    expect(result.code).toBe(0);
  });

  it.each(["promtool", "prometheus"] as const)(
    "fails, saying what to install, without %s",
    (tool) => {
      expect(() => requireTool(tool, { PATH: "/nonexistent" })).toThrow(
        `${tool} was not found on PATH: install Debian's \`prometheus\` package`,
      );
    },
  );

  it("finds the example prometheus.yml valid", () => {
    const result = promtool(["check", "config", "prometheus.yml"], undefined, DEPLOY);
    expect(result.output).toContain("is valid prometheus config file syntax");
    expect(result.code).toBe(0);
  });
});
