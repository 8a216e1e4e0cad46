import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const INSTALL =
  "install Debian's `prometheus` package (sudo apt-get install --no-install-recommends prometheus)";

/** The path of a Prometheus tool; throws, saying how to install it, when it is missing. */
export function requireTool(
  name: "prometheus" | "promtool",
  env: NodeJS.ProcessEnv = process.env,
): string {
  const found = spawnSync(name, ["--version"], { encoding: "utf8", env });
  if (found.error !== undefined || found.status !== 0) {
    throw new Error(`${name} was not found on PATH: ${INSTALL}, then run the tests again`);
  }
  return name;
}

/** Runs promtool with `args` (and `input` on stdin); returns its exit code and output. */
export function promtool(args: string[], input?: string, cwd?: string) {
  const result = spawnSync(requireTool("promtool"), args, { input, cwd, encoding: "utf8" });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A free TCP port on 127.0.0.1 (bound, read, released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A Prometheus started by a test, with its own storage in a temp dir. */
export interface TestPrometheus {
  url: string;
  /** Instant query; returns the `data.result` vector. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  close(): Promise<void>;
}

/** What a test Prometheus scrapes. */
export interface PrometheusSetup {
  /** host:port of the exporter. */
  target: string;
  jobName: string;
  scrapeInterval: string;
  /** Absolute paths of rule files to load. */
  ruleFiles?: string[];
}

/** Starts Prometheus on a free loopback port and waits until it is ready (at most 20 s). */
export async function startPrometheus(setup: PrometheusSetup): Promise<TestPrometheus> {
  const binary = requireTool("prometheus");
  const dir = mkdtempSync(join(tmpdir(), "nineproxy-prometheus-"));
  const config = [
    "global:",
    `  scrape_interval: ${setup.scrapeInterval}`,
    `  scrape_timeout: ${setup.scrapeInterval}`,
    `  evaluation_interval: ${setup.scrapeInterval}`,
    `rule_files: ${JSON.stringify(setup.ruleFiles ?? [])}`,
    "scrape_configs:",
    `  - job_name: ${setup.jobName}`,
    "    static_configs:",
    `      - targets: ["${setup.target}"]`,
    "",
  ].join("\n");
  writeFileSync(join(dir, "prometheus.yml"), config);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = `${stderr}${chunk}`.slice(-4000);
  });
  const exited = once(child, "exit");

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`Prometheus did not become ready: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    close,
    query: async (expr) => {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await response.json()) as {
        status: string;
        data?: { result: never };
        error?: string;
      };
      if (body.status !== "success") throw new Error(`query ${expr} failed: ${body.error}`);
      return body.data?.result ?? [];
    },
  };
}

/** Polls `check` every 200 ms until it returns true; throws with `what` after `timeoutMs`. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}
