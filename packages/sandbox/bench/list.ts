/**
 * Prints how fast the sandbox seeds and lists a 50,000-config account. A script, not a test:
 * `pnpm bench` in packages/sandbox. Figures go in the README.
 */
import { PATHS } from "@nineproxy/api-types";
import { startSandbox } from "../src/index.js";

const KEY = "bench-key";
const CONFIGS = 50_000;
const LIMIT = 100;

const sb = await startSandbox({ apiKeys: [KEY] });
const page = (n: number, sortBy = "start_port") =>
  fetch(`${sb.url}${PATHS.list}?api-key=${KEY}&limit=${LIMIT}&page=${n}&sort_by=${sortBy}`).then(
    (res) => res.json(),
  );

let started = performance.now();
sb.seed(KEY, CONFIGS);
const seedMs = performance.now() - started;

started = performance.now();
await page(1);
const firstMs = performance.now() - started;

// every page once, sequentially: the sorted view is reused, so each page is a slice
const pages = CONFIGS / LIMIT;
started = performance.now();
for (let n = 1; n <= pages; n++) await page(n);
const sequentialMs = performance.now() - started;

// a write invalidates the sorted views; the next read of another order sorts once again
sb.seed(KEY, 1);
started = performance.now();
await page(1, "created_at");
const resortMs = performance.now() - started;

const rss = process.memoryUsage().rss / 2 ** 20;
console.log(`seed ${CONFIGS} configs:              ${seedMs.toFixed(0)} ms`);
console.log(`first page (sorts once):        ${firstMs.toFixed(1)} ms`);
console.log(`${pages} pages of ${LIMIT}, sequential:    ${sequentialMs.toFixed(0)} ms`);
console.log(`  per page:                     ${(sequentialMs / pages).toFixed(2)} ms`);
console.log(`first page after a write:       ${resortMs.toFixed(1)} ms`);
console.log(`process rss:                    ${rss.toFixed(0)} MiB`);
await sb.close();
