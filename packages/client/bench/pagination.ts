import { PATHS } from "@nineproxy/api-types";
import { createClient, DEFAULTS } from "../src/index.js";

/** Wall time of reading every config, and the heap it took to iterate without collecting. */
export interface PaginationResult {
  items: number;
  ms: number;
  peakHeapMiB?: number;
  peakRssMiB?: number;
}

/** A plain loop over pages with `fetch`, one page after another: what `items()` replaces. */
export async function sequentialLoop(baseUrl: string, apiKey: string): Promise<PaginationResult> {
  const started = performance.now();
  let items = 0;
  for (let page = 1; ; page++) {
    const url = `${baseUrl}${PATHS.list}?limit=100&page=${page}&api-key=${encodeURIComponent(apiKey)}`;
    const body = (await (await fetch(url)).json()) as {
      result: { items: unknown[]; total_pages: number };
    };
    items += body.result.items.length;
    if (page >= body.result.total_pages || body.result.items.length === 0) break;
  }
  return { items, ms: performance.now() - started };
}

/** `client.configs.items()` at the given concurrency, counting without keeping anything. */
export async function iterateItems(
  baseUrl: string,
  apiKey: string,
  concurrency: number = DEFAULTS.pageConcurrency,
): Promise<PaginationResult> {
  const client = createClient({ apiKey, baseUrl });
  globalThis.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  let peakRss = process.memoryUsage.rss();
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 5);
  const started = performance.now();
  let items = 0;
  for await (const _ of client.configs.items({}, { concurrency })) {
    if (++items % 100 === 0) sample();
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return { items, ms, peakHeapMiB: mib(peakHeap - baseHeap), peakRssMiB: mib(peakRss) };
}
