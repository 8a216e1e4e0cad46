// Benchmark of summarize(): `pnpm bench`. Prints figures; asserts nothing.
// summarize() and a baseline (one bare loop that only sums ports) run over the same generated
// configs in the same process, alternating, so both are measured under the same conditions.
import { availableParallelism, loadavg } from "node:os";
import type { Config } from "@nineproxy/api-types";
import { summarize } from "../src/index.js";

const CONFIGS = 50_000;
const SERVERS = 8;
const COUNTRIES = ["US", "GB", "DE", "VN", "JP", null];
const WARMUP_ROUNDS = 5;
const ROUNDS = 21;
// note: the baseline takes a fraction of a millisecond, so it is timed over this many passes
const BASELINE_PASSES = 20;

/** Configs spread over servers and countries, half sticky and half rotating, 1 to 5 ports each. */
function generate(count: number): Config[] {
  const nextPort = new Map<number, number>();
  return Array.from({ length: count }, (_, i): Config => {
    const server = (i % SERVERS) + 1;
    const start = nextPort.get(server) ?? 10_000;
    const end = start + (i % 5);
    nextPort.set(server, end + 1);
    const sticky = i % 2 === 0;
    return {
      id: i + 1,
      server_id: server,
      proxy_type: (i % 3) + 1,
      country_code: COUNTRIES[i % COUNTRIES.length] ?? null,
      start_port: start,
      end_port: end,
      is_keep: sticky ? 1 : 0,
      is_random_ip: sticky ? 0 : 1,
      session_time: sticky ? "30" : "0",
      updated_at: 1_700_000_000 + i,
    };
  });
}

/** The baseline: the least any port count can cost, one loop that sums the ranges. */
function sumPorts(configs: readonly Config[]): number {
  let ports = 0;
  for (const config of configs) ports += (config.end_port ?? 0) - (config.start_port ?? 0) + 1;
  return ports;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const loadAtStart = loadavg()[0] ?? 0;
const configs = generate(CONFIGS);
let baselinePorts = 0;
let summary = summarize([]);

// note: one timing function per side, so neither call site sees the other's function
/** One pass of the baseline, in ms, as the mean of `BASELINE_PASSES` passes. */
function timeBaseline(): number {
  const started = performance.now();
  for (let pass = 0; pass < BASELINE_PASSES; pass++) baselinePorts = sumPorts(configs);
  return (performance.now() - started) / BASELINE_PASSES;
}

/** One `summarize()` of every config, in ms. */
function timeSummarize(): number {
  const started = performance.now();
  summary = summarize(configs);
  return performance.now() - started;
}

// note: short calls first, so each function is optimized with its type feedback complete; a
// first call over every config can get the baseline optimized too early, and 4× slower
const sample = configs.slice(0, 500);
for (let i = 0; i < 200; i++) baselinePorts = sumPorts(sample) + summarize(sample).configs;
for (let i = 0; i < WARMUP_ROUNDS; i++) {
  timeBaseline();
  timeSummarize();
}

// each round times both, in alternating order, so a slow moment weighs on both alike
const baselineMs: number[] = [];
const summarizeMs: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const first = round % 2 === 0 ? timeBaseline() : timeSummarize();
  const second = round % 2 === 0 ? timeSummarize() : timeBaseline();
  const [base, full] = round % 2 === 0 ? [first, second] : [second, first];
  baselineMs.push(base);
  summarizeMs.push(full);
  ratios.push(full / base);
}

const servers = Object.keys(summary.byServer).length;
const countries = Object.keys(summary.byCountry).length;
const { sticky, rotating } = summary.bySessionMode;
const perConfigNs = (median(summarizeMs) * 1e6) / CONFIGS;
const lines = [
  `@nineproxy/usage summarize() benchmark (Node ${process.version}, ${process.platform} ` +
    `${process.arch}, ${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)} at start)`,
  `configs: ${CONFIGS.toLocaleString("en")} on ${servers} servers, ${countries} countries ` +
    `(one is "any"), ${sticky.configs.toLocaleString("en")} sticky and ` +
    `${rotating.configs.toLocaleString("en")} rotating`,
  `${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up rounds, order alternating; medians:`,
  `  baseline (one loop summing ports): ${median(baselineMs).toFixed(3)} ms ` +
    `(mean of ${BASELINE_PASSES} passes per round)`,
  `  summarize():                       ${median(summarizeMs).toFixed(3)} ms, ` +
    `${perConfigNs.toFixed(0)} ns per config`,
  `  ratio summarize() / baseline:      ${median(ratios).toFixed(1)}× (median of per-round ratios)`,
  `allocated ports, both ways: ${summary.allocatedPorts.toLocaleString("en")} and ` +
    `${baselinePorts.toLocaleString("en")}`,
];
process.stdout.write(`${lines.join("\n")}\n`);
