#!/usr/bin/env node
// The README's two commands start here, on a machine that may have only Node 20 and npm:
// `npm run demo` and `npm test`. It finds or fetches pnpm, installs the workspace, then runs the job.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PNPM_VERSION = "10.34.9";
const job = process.argv[2];
const passThrough = process.argv.slice(3);
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  REDOCLY_TELEMETRY: "off",
  DO_NOT_TRACK: "1",
};

function fail(line) {
  console.error(`bootstrap: ${line}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env, ...options });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
}

function probe(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: "utf8", env });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) fail(`Node ${process.versions.node} is too old: install Node 20 or later.`);

// pnpm: the pinned version if it is on PATH, else fetched once through npm's own npx cache
const pnpm =
  probe("pnpm", ["--version"]) === PNPM_VERSION
    ? { cmd: "pnpm", pre: [] }
    : { cmd: "npx", pre: ["--yes", `pnpm@${PNPM_VERSION}`] };
const pnpmRun = (args) => run(pnpm.cmd, [...pnpm.pre, ...args]);

if (pnpmRun(["install", "--frozen-lockfile", "--prefer-offline"]) !== 0) {
  fail("pnpm install failed (see above). The npm registry must be reachable for a first install.");
}

if (job === "demo") {
  // note: run node directly, not through pnpm, so Ctrl+C ends the demo without a pnpm error
  const main = ["--conditions=@nineproxy/source", "--import", "tsx", "src/main.ts"];
  const cwd = fileURLToPath(new URL("../apps/demo/", import.meta.url));
  // the demo handles Ctrl+C itself; this process only waits for it to finish
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {});
  process.exit(run(process.execPath, [...main, ...passThrough], { cwd }));
}

if (job === "test") {
  ensurePrometheus();
  process.exit(await runTests());
}

fail(`unknown job "${job ?? ""}": use "demo" or "test".`);

/**
 * Runs every check and test, echoing the output as it comes, then adds up vitest's per-package
 * "Tests" lines into one closing line that CI tools read: "tests: N passed, N failed".
 */
function runTests() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let pending = "";
  const scan = (line) => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
    const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
    if (!/\bTests\s+\d/.test(plain)) return;
    for (const key of Object.keys(totals)) {
      const match = new RegExp(`(\\d+) ${key}`).exec(plain);
      if (match) totals[key] += Number(match[1]);
    }
  };
  return new Promise((resolve) => {
    const child = spawn(pnpm.cmd, [...pnpm.pre, "run", "test:all", ...passThrough], {
      stdio: ["inherit", "pipe", "inherit"],
      env,
    });
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) scan(line);
    });
    child.on("error", (error) => fail(`could not run pnpm: ${error.message}`));
    child.on("close", (code) => {
      scan(pending);
      const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
      console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
      resolve(code ?? 1);
    });
  });
}

/** The exporter's end-to-end tests run a real Prometheus; install Debian's package when missing. */
function ensurePrometheus() {
  if (probe("promtool", ["--version"]) !== undefined && existsSync("/usr/bin/prometheus")) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || probe("apt-get", ["--version"]) === undefined) {
    fail(
      "Prometheus is needed by the exporter's end-to-end tests: install Debian's `prometheus` " +
        "package (sudo apt-get install --no-install-recommends prometheus) and run again.",
    );
  }
  console.log("bootstrap: installing Debian's prometheus package for the end-to-end tests");
  if (run("apt-get", ["update"]) !== 0) fail("apt-get update failed");
  const install = ["install", "-y", "--no-install-recommends", "prometheus"];
  if (run("apt-get", install, { env: { ...env, DEBIAN_FRONTEND: "noninteractive" } }) !== 0) {
    fail("apt-get install prometheus failed");
  }
}
