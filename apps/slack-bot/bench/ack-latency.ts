/**
 * Ack latency of `/proxy` under load: rounds of 50 concurrent signed commands while the sandbox
 * adds 2 s to every API call, against a bare Bolt app that only acks. Prints p50/p99 and ratios.
 * The bot, the bare app and the outside world (sandbox + response_url) each run in their own
 * process, so the load generator's own work does not count. Everything is on 127.0.0.1.
 * Run: `pnpm bench` in apps/slack-bot.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { commandBody, slackSign } from "../test/support/slack-request.js";

const CONCURRENCY = 50;
const ROUNDS = 10;
const LATENCY_MS = 2000;
const env = {
  ...process.env,
  BENCH_SECRET: "bench-signing-secret",
  BENCH_API_KEY: "bench-api-key",
  BENCH_LATENCY_MS: String(LATENCY_MS),
};
const children: ChildProcess[] = [];

/** Starts a bench/*.ts file in its own process and reads the JSON line it prints. */
async function spawnPart<T>(file: string, extra: Record<string, string> = {}): Promise<T> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(
    process.execPath,
    [
      // BENCH_PROFILE=<dir> writes a CPU profile of the bot's process there
      ...(process.env.BENCH_PROFILE && file === "./bot-server.ts"
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
      "--conditions=@nineproxy/source",
      "--import",
      "tsx",
      path,
    ],
    {
      env: { ...env, ...extra },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  if (!child.stdout) throw new Error(`${file}: no stdout`);
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  return JSON.parse(String(first.value ?? "{}")) as T;
}

// note: keep-alive node:http, like a proxy in front of a server; fetch's own cost would dominate
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** Posts one signed command; resolves with the status and the ms until the whole ack arrived. */
function post(url: string, body: string): Promise<{ status: number; ms: number }> {
  const { hostname, port } = new URL(url);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": timestamp,
    "x-slack-signature": slackSign(env.BENCH_SECRET, timestamp, body),
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      { host: hostname, port, path: "/slack/events", method: "POST", agent, headers },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Rounds of concurrent commands, alternating between the targets so both see the same load. */
async function measure(urls: string[], slackUrl: string): Promise<number[][]> {
  const samples: number[][] = urls.map(() => []);
  const newUrl = () =>
    `${slackUrl}/commands/T0ALLOWED/${randomBytes(6).toString("hex")}/` +
    randomBytes(12).toString("hex");
  // one warm-up round, not counted
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [i, url] of urls.entries()) {
      const acks = await Promise.all(
        Array.from({ length: CONCURRENCY }, () => post(url, commandBody("list", newUrl()))),
      );
      const bad = acks.filter((a) => a.status !== 200);
      if (bad.length > 0)
        throw new Error(`${bad.length} acks were not 200 (first: ${bad[0]?.status})`);
      if (round > 0) samples[i]?.push(...acks.map((a) => a.ms));
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return samples;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? Number.NaN };
}

try {
  const world = await spawnPart<{ sandboxUrl: string; slackUrl: string }>("./world.ts");
  const bot = await spawnPart<{ url: string }>("./bot-server.ts", {
    BENCH_SANDBOX_URL: world.sandboxUrl,
    BENCH_SLACK_URL: world.slackUrl,
  });
  const bare = await spawnPart<{ url: string }>("./bare-bolt.ts");
  const [botSamples = [], bareSamples = []] = await measure([bot.url, bare.url], world.slackUrl);

  // the bot's replies arrive ~2 s after each ack: wait for all of them
  const expected = (ROUNDS + 1) * CONCURRENCY;
  let replies = { accepted: 0, refused: 0 };
  for (let i = 0; i < 100 && replies.accepted + replies.refused < expected; i++) {
    await new Promise((r) => setTimeout(r, 100));
    replies = (await (await fetch(`${world.slackUrl}/__stats`)).json()) as typeof replies;
  }

  const b = stats(botSamples);
  const r = stats(bareSamples);
  const f = (n: number) => n.toFixed(1).padStart(7);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(
    `ack latency: ${ROUNDS} rounds x ${CONCURRENCY} concurrent "/proxy list", ` +
      `API +${LATENCY_MS} ms per call`,
  );
  console.log(
    `machine: ${availableParallelism()} CPUs, load average ${load}, Node ${process.version}`,
  );
  console.log("                       p50 ms  p99 ms  max ms");
  console.log(`/proxy bot           ${f(b.p50)} ${f(b.p99)} ${f(b.max)}`);
  console.log(`bare Bolt, ack only  ${f(r.p50)} ${f(r.p99)} ${f(r.max)}`);
  console.log(`ratio bot / bare     ${f(b.p50 / r.p50)} ${f(b.p99 / r.p99)}`);
  console.log(
    `goal p99 < 100 ms: ${b.p99 < 100 ? "met" : "NOT met"}; ` +
      `Slack's limit 3000 ms: ${b.max < 3000 ? "met" : "NOT met"}`,
  );
  console.log(
    `replies posted to response_url: ${replies.accepted} accepted, ` +
      `${replies.refused} refused, of ${expected} bot commands`,
  );
} finally {
  agent.destroy();
  for (const child of children) child.kill("SIGTERM");
}
