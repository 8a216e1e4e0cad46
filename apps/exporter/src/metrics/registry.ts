import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Registry,
  type RegistryContentType,
} from "prom-client";
import { VERSION } from "../build-info.js";
import { DETAIL_FAMILIES } from "./detail-families.js";
import { EXPORTER_FAMILIES } from "./exporter-families.js";
import type { AccountView, Family } from "./family.js";
import { USAGE_FAMILIES } from "./usage-families.js";

/** The two formats a scraper can ask for. */
export type Format = "prometheus" | "openmetrics";

/** What one registry shows. */
export interface RegistryOptions {
  /** The accounts whose samples it shows (all of them, or the one probed). */
  accounts: readonly AccountView[];
  format: Format;
  /** Include the opt-in high-cardinality families. */
  details: boolean;
  /** Include `nineproxy_exporter_build_info` and Node's default metrics. */
  processMetrics: boolean;
  /** Told when a family fails to fill; the family then shows what it had filled. */
  onError(family: string, error: unknown): void;
}

const LINT_FAILING_DEFAULTS = [
  "nodejs_active_handles_total",
  "nodejs_active_requests_total",
  "nodejs_active_resources_total",
];

/** Every family the exporter can show, in page order (without build info and Node's). */
export function allFamilies(details: boolean): readonly Family[] {
  return [...EXPORTER_FAMILIES, ...USAGE_FAMILIES, ...(details ? DETAIL_FAMILIES : [])];
}

/**
 * A prom-client registry whose metrics are filled from the caches at collect time. Each format
 * gets its own registry and metric objects, since prom-client renames counters when it renders
 * OpenMetrics. A collect callback never throws.
 */
export function buildRegistry(options: RegistryOptions): Registry<RegistryContentType> {
  const registry = new Registry<RegistryContentType>();
  registry.setContentType(
    options.format === "openmetrics"
      ? Registry.OPENMETRICS_CONTENT_TYPE
      : Registry.PROMETHEUS_CONTENT_TYPE,
  );
  for (const family of allFamilies(options.details)) register(registry, family, options);

  if (options.processMetrics) {
    new Gauge({
      name: "nineproxy_exporter_build_info",
      help: "The exporter's version and the Node.js version it runs on; value 1.",
      labelNames: ["version", "node_version"],
      registers: [registry],
    }).set({ version: VERSION, node_version: process.version }, 1);
    collectDefaultMetrics({ register: registry });
    // note: prom-client names these gauges *_total, which promtool rejects; the per-type gauges
    // (nodejs_active_handles etc.) carry the same information
    for (const name of LINT_FAILING_DEFAULTS) registry.removeSingleMetric(name);
  }
  return registry;
}

function register(
  registry: Registry<RegistryContentType>,
  family: Family,
  options: RegistryOptions,
): void {
  const labelNames = ["account", ...family.labelNames];
  const fill = (set: (labels: Record<string, string>, value: number) => void) => {
    for (const account of options.accounts) {
      try {
        family.fill((labels, value) => set({ account: account.name, ...labels }, value), account);
      } catch (error) {
        options.onError(family.name, error);
      }
    }
  };

  const common = { name: family.name, help: family.help, labelNames, registers: [registry] };
  if (family.type === "counter") {
    new Counter({
      ...common,
      collect() {
        this.reset();
        fill((labels, value) => this.inc(labels, value));
      },
    });
    return;
  }
  new Gauge({
    ...common,
    collect() {
      this.reset();
      fill((labels, value) => this.set(labels, value));
    },
  });
}
