// Benchmark of the exporter: `pnpm bench`. Prints figures; asserts nothing.
// The sandbox runs in this process; the exporter runs in a child process (its CLI), so the peak
// RSS is the exporter's alone. Everything listens on 127.0.0.1, on ports the OS picks.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, get } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { startSandbox } from "@nineproxy/sandbox";

const CONFIGS = 50_000;
const SCRAPERS = 50;
const FIRST_SCRAPES = 1_000;
const TIMED_SCRAPES = 5_000;
const KEY = "bench-key";
const APP = fileURLToPath(new URL("..", import.meta.url));

const loadAtStart = loadavg()[0] ?? 0;
const sandbox = await startSandbox({ apiKeys: [KEY] });
let started = performance.now();
sandbox.seed(KEY, CONFIGS);
const seedMs = performance.now() - started;

const child = spawn(
  process.execPath,
  ["--conditions=@nineproxy/source", "--import", "tsx", "src/cli.ts"],
  {
    cwd: APP,
    env: {
      PATH: process.env.PATH,
      NINEPROXY_BASE_URL: sandbox.url,
      NINEPROXY_API_KEY: KEY,
      NINEPROXY_EXPORTER_LISTEN_ADDRESS: "127.0.0.1:0",
      NINEPROXY_EXPORTER_CACHE_TTL: "10m",
      NINEPROXY_EXPORTER_SCRAPE_TIMEOUT: "60s",
    },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const url = await new Promise<string>((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
    const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
    if (match?.[1]) resolve(match[1]);
  });
  child.once("exit", (code) => reject(new Error(`exporter exited with ${code}`)));
});
const metricsUrl = `${url}/metrics`;

// note: node:http with keep-alive, not fetch, so the scrapers' own cost stays small
const agent = new Agent({ keepAlive: true, maxSockets: SCRAPERS });

let scrapes = 0;

/** One GET of the metrics page; resolves with its status once the body is read. */
function scrapeOnce(): Promise<{ status: number; body: string }> {
  scrapes += 1;
  return new Promise((resolve, reject) => {
    get(metricsUrl, { agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

/** Scrapes `total` times with `SCRAPERS` scrapers in parallel; returns each latency in ms. */
async function scrapeMany(total: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const scraper = async () => {
    while (next < total) {
      next += 1;
      const t0 = performance.now();
      const { status } = await scrapeOnce();
      if (status !== 200) throw new Error(`scrape answered ${status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: SCRAPERS }, scraper));
  return latencies;
}

/** A counter of the exporter, read from its own page. */
async function counter(name: string, labels: string): Promise<number> {
  const { body } = await scrapeOnce();
  const line = body.split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return Number(line?.split(" ").at(-1) ?? Number.NaN);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

// 1,000 scrapes from a cold cache, 50 at a time: the first ones wait for the one upstream read
started = performance.now();
const cold = await scrapeMany(FIRST_SCRAPES);
const coldPhaseMs = performance.now() - started;
const readsAfterFirst = await counter("nineproxy_upstream_reads_total", 'result="success"');
const listRequests = await counter("nineproxy_api_requests_total", 'operation="list"');

// then timed scrapes from the cache
started = performance.now();
const warm = (await scrapeMany(TIMED_SCRAPES)).sort((a, b) => a - b);
const warmPhaseMs = performance.now() - started;
const readsTotal = await counter("nineproxy_upstream_reads_total", 'result="success"');
const failures = await counter("nineproxy_upstream_reads_total", 'result="failure"');

const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
const peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
agent.destroy();
child.kill("SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));
await sandbox.close();

const ms = (n: number) => `${n.toFixed(2)} ms`;
const lines = [
  `nineproxy exporter benchmark (Node ${process.version}, ${process.platform} ${process.arch}, ` +
    `${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)} at start)`,
  `configs in the sandbox:                       ${CONFIGS.toLocaleString("en")} (seeded in ${ms(seedMs)})`,
  `cold scrape (waits for the one upstream read): ${ms(Math.max(...cold))}, ${listRequests} list requests`,
  `upstream reads in the first ${FIRST_SCRAPES.toLocaleString("en")} scrapes (one TTL): ${readsAfterFirst} (goal: 1), phase ${ms(coldPhaseMs)}`,
  `scrapes from cache, ${SCRAPERS} concurrent scrapers: ${TIMED_SCRAPES.toLocaleString("en")} in ${ms(warmPhaseMs)} (${Math.round((TIMED_SCRAPES / warmPhaseMs) * 1000)}/s)`,
  `  /metrics latency p50:                       ${ms(percentile(warm, 50))}`,
  `  /metrics latency p99:                       ${ms(percentile(warm, 99))}`,
  `upstream reads over all ${scrapes.toLocaleString("en")} scrapes:          ${readsTotal} (failures: ${failures})`,
  `exporter peak RSS (VmHWM):                    ${(peakKb / 1024).toFixed(1)} MiB`,
];
process.stdout.write(`${lines.join("\n")}\n`);
