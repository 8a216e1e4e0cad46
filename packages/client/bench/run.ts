/**
 * `pnpm bench`: the client's figures, measured in one run against a sandbox in a child process on
 * loopback. Not a test: it prints numbers for the README.
 */
import { DEFAULTS } from "../src/index.js";
import { iterateItems, sequentialLoop } from "./pagination.js";
import { startSandboxProcess } from "./sandbox-process.js";

const KEY = "bench-key";
const CONFIGS = 50_000;
const LATENCY_MS = 20;

const sb = await startSandboxProcess(KEY);
try {
  console.log(`node ${process.version}, sandbox at ${sb.url} (child process)`);
  await sb.seed(10);
  // A first plain fetch, before anything loads undici 7, sets up Node's own fetch dispatcher as
  // undici's global one, as in an app that fetched before its first client call. Every contender
  // but the hand-written request() (its own Agent) then runs on Node's stock dispatcher.
  await (await fetch(`${sb.url}/`)).arrayBuffer();
  const { measureOverhead } = await import("./overhead.js");
  const { Agent } = await import("undici");
  const slot = Symbol.for("undici.globalDispatcher.1");
  const stock = !((globalThis as Record<symbol, unknown>)[slot] instanceof Agent);
  const o = await measureOverhead(sb.url, KEY);
  console.log("\n1. per-call overhead: list() of 10 configs, sequential calls on loopback");
  console.log(
    `   ${o.rounds} rounds × ${o.callsPerRound} calls of each, order rotating, after warm-up`,
  );
  const where = stock ? "Node's own fetch dispatcher" : "undici 7's global Agent";
  console.log(`   fetch and the client on ${where}; request() by hand on an Agent of its own`);
  console.log(`   plain fetch + json():           ${o.plainUs.toFixed(1)} µs/call (median)`);
  console.log(`   undici request() by hand:       ${o.transportUs.toFixed(1)} µs/call (median)`);
  console.log(`   client list():                  ${o.clientUs.toFixed(1)} µs/call (median)`);
  const ratio = o.ratio.toFixed(3);
  console.log(
    `   ratio client / plain fetch:     ${ratio} (median of per-round ratios; goal ≤ 1.10)`,
  );
  const own = o.transportRatio.toFixed(3);
  console.log(
    `   ratio client / undici by hand:  ${own} (the client's own work over its transport)`,
  );

  await sb.seed(CONFIGS - 10);
  await sb.fault({ kind: "latency", ms: LATENCY_MS, route: "list" });
  console.log(
    `\n2. reading ${CONFIGS} configs (pages of 100) with ${LATENCY_MS} ms latency per page`,
  );
  const seq = await sequentialLoop(sb.url, KEY);
  console.log(`   plain sequential page loop: ${seq.items} configs in ${seq.ms.toFixed(0)} ms`);
  const runs = [DEFAULTS.pageConcurrency, 8, 16];
  for (const concurrency of runs) {
    const it = await iterateItems(sb.url, KEY, concurrency);
    const speedup = seq.ms / it.ms;
    const tag = concurrency === DEFAULTS.pageConcurrency ? " (default)" : "";
    console.log(
      `   items(), concurrency ${concurrency}${tag}: ${it.items} configs in ${it.ms.toFixed(0)} ms, ` +
        `${speedup.toFixed(2)}× the loop; peak heap +${it.peakHeapMiB} MiB, peak RSS ${it.peakRssMiB} MiB`,
    );
  }
} finally {
  await sb.close();
}
