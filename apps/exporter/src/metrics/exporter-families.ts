import type { Family } from "./family.js";

/** Families about the exporter's own view of each account: health, age, cost. */
export const EXPORTER_FAMILIES: readonly Family[] = [
  {
    name: "nineproxy_up",
    type: "gauge",
    help: "1 when the last read of every page from the API succeeded, else 0.",
    labelNames: [],
    fill: (emit, account) => emit({}, account.cache.up ? 1 : 0),
  },
  {
    name: "nineproxy_last_success_timestamp_seconds",
    type: "gauge",
    help: "When the last successful read of every page ended, in unix seconds (the age of the values).",
    labelNames: [],
    fill: (emit, account) => {
      const at = account.cache.lastSuccessMs;
      if (at !== undefined) emit({}, at / 1000);
    },
  },
  {
    name: "nineproxy_scrape_duration_seconds",
    type: "gauge",
    help: "How long the last upstream read of every page took, in seconds.",
    labelNames: [],
    fill: (emit, account) => {
      const ms = account.cache.lastReadDurationMs;
      if (ms !== undefined) emit({}, ms / 1000);
    },
  },
  {
    name: "nineproxy_upstream_reads_total",
    type: "counter",
    help: "Upstream reads of every page, by result (success, failure).",
    labelNames: ["result"],
    fill: (emit, account) => {
      emit({ result: "success" }, account.cache.reads.success);
      emit({ result: "failure" }, account.cache.reads.failure);
    },
  },
  {
    name: "nineproxy_api_requests_total",
    type: "counter",
    help: "HTTP requests to the API (each attempt), by operation and status class (error: no response).",
    labelNames: ["operation", "status_class"],
    fill: (emit, account) => {
      for (const { operation, statusClass, n } of account.requests.entries()) {
        emit({ operation, status_class: statusClass }, n);
      }
    },
  },
];
