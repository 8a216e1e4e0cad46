import type { Format } from "../metrics/registry.js";

/** OpenMetrics when the scraper's `Accept` asks for it (Prometheus does), else the text format. */
export function formatFor(accept: string | undefined): Format {
  return accept?.includes("application/openmetrics-text") ? "openmetrics" : "prometheus";
}
