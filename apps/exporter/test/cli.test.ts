import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { type Sandbox, startSandbox } from "@nineproxy/sandbox";
import { afterEach, describe, expect, it } from "vitest";

const APP = fileURLToPath(new URL("..", import.meta.url));
const NODE_ARGS = ["--conditions=@nineproxy/source", "--import", "tsx", "src/cli.ts"];

/** Runs the CLI; collects stdout and stderr. */
function runCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: APP,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout?.on("data", (d) => (out.stdout += d));
  child.stderr?.on("data", (d) => (out.stderr += d));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, out, exited };
}

let child: ChildProcess | undefined;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  await sandbox?.close();
  child = undefined;
  sandbox = undefined;
});

describe("the command line", () => {
  it("prints help and exits 0", async () => {
    const run = runCli(["--help"], {});
    expect(await run.exited).toBe(0);
    expect(run.out.stdout).toContain("usage: nineproxy-exporter");
  });

  it.each([
    [["--cache.ttl=later"], '--cache.ttl "later" is not a duration'],
    [[], "NINEPROXY_BASE_URL is not set"],
    [["--api.base-url=http://127.0.0.1:1", "--scrape.timeout=2h"], '--scrape.timeout "2h" is out'],
  ])(
    "stops at start-up on a bad setting with one line and exit code 2 (%j)",
    async (args, line) => {
      const run = runCli(args, { NINEPROXY_API_KEY: "cli-canary-key" });
      expect(await run.exited).toBe(2);
      expect(run.out.stderr.startsWith("nineproxy-exporter: ")).toBe(true);
      expect(run.out.stderr).not.toContain("cli-canary-key");
      expect(run.out.stderr).toContain(line);
      expect(run.out.stderr.trim().split("\n")).toHaveLength(1);
    },
  );

  it("serves metrics and shuts down gracefully on SIGTERM", async () => {
    sandbox = await startSandbox({ apiKeys: ["cli-key"] });
    sandbox.seed("cli-key", [{ quantity: 7 }]);
    const run = runCli(["--web.listen-address=127.0.0.1:0"], {
      NINEPROXY_BASE_URL: sandbox.url,
      NINEPROXY_API_KEY: "cli-key",
    });
    child = run.child;
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${run.out.stderr}`)), 15_000);
      run.child.stdout?.on("data", () => {
        const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(run.out.stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const body = await (await fetch(`${url}/metrics`)).text();
    expect(body).toMatch(/^nineproxy_allocated_ports\{account="default"\} 7$/m);

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.out.stdout).toContain('"msg":"exporter stopped"');
  });
});
