import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboard, dashboardExprs as exprs, metricNames } from "./dashboard-file.js";
import { get, type Stack, startStack } from "./stack.js";

describe("the Grafana dashboard", () => {
  let stack: Stack;
  let exposed: Set<string>;
  beforeAll(async () => {
    stack = await startStack(["dash-key"], { details: true, poolSize: 100 });
    stack.sandbox.seed("dash-key", [{ quantity: 3 }]);
    const body = (await get(stack.exporter.metricsUrl)).body;
    exposed = new Set([...body.matchAll(/^([a-z_:][a-z0-9_:]*)[{ ]/gm)].map((m) => m[1] ?? ""));
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("has a datasource variable and an account variable read from the exporter", () => {
    const vars = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v]));
    expect(vars.datasource?.type).toBe("datasource");
    expect(vars.account?.type).toBe("query");
    expect(JSON.stringify(vars.account?.query)).toContain("label_values(nineproxy_up, account)");
  });

  it("queries through the templated datasource only", () => {
    const templated = ["$", "{datasource}"].join("");
    for (const panel of dashboard.panels) {
      expect(panel.datasource.uid, panel.title).toBe(templated);
      for (const t of panel.targets) expect(t.datasource.uid, panel.title).toBe(templated);
    }
  });

  it("reads only metrics the exporter really exposes", () => {
    const names = exprs.flatMap(metricNames);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !exposed.has(name))).toEqual([]);
  });

  it.each([
    ['nineproxy_up{account=~"$account"}', ["nineproxy_up"]],
    ['nineproxy_Up{account=~"$account"}', ["nineproxy_Up"]],
    ["rate(nineproxy_api_requests_totalX[5m])", ["nineproxy_api_requests_totalX"]],
    ['up{job="nineproxy"}', []],
    [
      "sum by (reason) (nineproxy_inconsistent_configs) / nineproxy:ratio",
      ["nineproxy_inconsistent_configs", "nineproxy:ratio"],
    ],
  ])("finds in %s every name it reads, misspelt ones included", (expr, names) => {
    expect(metricNames(expr)).toEqual(names);
  });

  it("filters every query by the account variable", () => {
    for (const expr of exprs) expect(expr).toContain('account=~"$account"');
  });
});
