import { readFileSync } from "node:fs";

/** A query of a panel. */
export interface Target {
  expr: string;
  datasource: { uid: string };
}

/** A panel of the dashboard. */
export interface Panel {
  title: string;
  datasource: { uid: string };
  targets: Target[];
}

/** The shipped dashboard, parsed. */
export const dashboard = JSON.parse(
  readFileSync(new URL("../deploy/grafana-dashboard.json", import.meta.url), "utf8"),
) as {
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query: unknown }> };
};

/** Every query of every panel. */
export const dashboardExprs: string[] = dashboard.panels.flatMap((p) =>
  p.targets.map((t) => t.expr),
);

/** Every name a query reads that starts with `nineproxy`, in any case, spelt as PromQL allows. */
export function metricNames(expr: string): string[] {
  // note: the whole PromQL name is taken, so a misspelt one is reported rather than skipped
  return [...expr.matchAll(/(?<![A-Za-z0-9_:"])nineproxy[A-Za-z0-9_:]*/gi)].map((m) => m[0]);
}

/** A query as Grafana would send it: every account, a fixed rate window. */
export function asSent(expr: string): string {
  return expr.replaceAll("$account", ".*").replaceAll("$__rate_interval", "1m");
}
