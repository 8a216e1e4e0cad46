import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_DEFAULT_PORT, parseCliArgs } from "../src/cli-args.js";
import { CliError } from "../src/errors.js";

describe("parseCliArgs", () => {
  it("defaults to 127.0.0.1:4010 with no faults and no seed", () => {
    expect(parseCliArgs(["--api-key", "k"])).toEqual({
      port: CLI_DEFAULT_PORT,
      host: "127.0.0.1",
      apiKeys: ["k"],
      faults: [],
      seed: 0,
      logLevel: "info",
      help: false,
    });
  });

  it("takes repeated keys and faults, and keys from the environment", () => {
    const settings = parseCliArgs(
      [
        "--api-key",
        "a",
        "--api-key",
        "b",
        "--fault",
        "list:status=503:times=2",
        "--fault",
        "create:hang",
      ],
      { NINEPROXY_SANDBOX_API_KEYS: " c, a ,," },
    );
    expect(settings.apiKeys).toEqual(["a", "b", "c"]);
    expect(settings.faults).toEqual([
      { route: "list", kind: "status", status: 503, times: 2 },
      { route: "create", kind: "hang" },
    ]);
  });

  it("reads --port, --host, --seed, --max-limit, --max-quantity and --log-level", () => {
    const settings = parseCliArgs(
      ["--api-key=k", "--port", "0", "--host", "::1", "--seed", "50", "--max-limit", "500"].concat([
        "--max-quantity",
        "10",
        "--log-level",
        "silent",
      ]),
    );
    expect(settings).toMatchObject({
      port: 0,
      host: "::1",
      seed: 50,
      maxLimit: 500,
      maxQuantity: 10,
    });
    expect(settings.logLevel).toBe("silent");
  });

  it("asks for no key with --help", () => {
    expect(parseCliArgs(["-h"]).help).toBe(true);
  });

  it("skips the -- that `pnpm start -- --help` passes on", () => {
    expect(parseCliArgs(["--", "--help"]).help).toBe(true);
    expect(parseCliArgs(["--", "--api-key", "k", "--seed", "2"])).toMatchObject({ seed: 2 });
  });

  it.each([
    [[], "no API key: pass --api-key KEY (repeatable) or set NINEPROXY_SANDBOX_API_KEYS=KEY1,KEY2"],
    [["--api-key", "k", "--bogus"], "unknown flag --bogus: run with --help for the flags"],
    [
      ["--api-key"],
      'flag --api-key needs a value: --api-key VALUE, or --api-key=VALUE when it starts with "-"',
    ],
    [
      ["--api-key", "k", "--seed", "-1"],
      /^flag --seed needs a value: --seed VALUE, or --seed=VALUE/,
    ],
    [["--api-key", "k", "extra"], "unexpected argument extra: flags take the form --name value"],
    [["--api-key", "k", "--port", "99999"], '--port must be an integer 0-65535, got "99999"'],
    [["--api-key", "k", "--port", "80a"], '--port must be an integer 0-65535, got "80a"'],
    [["--api-key", "k", "--seed=-1"], '--seed must be an integer 0-55000, got "-1"'],
    [["--api-key", "k", "--log-level", "loud"], /^--log-level must be one of trace/],
    // each account's pool holds 55,000 ports, one per seeded config
    [["--api-key", "k", "--seed", "55001"], '--seed must be an integer 0-55000, got "55001"'],
    [["--api-key", ""], "--api-key needs a non-empty key"],
    [["--api-key", "k", "--", "--seed", "2"], /^unexpected argument --seed/],
    [["--api-key", "k", "--fault", "list:boom"], /^--fault fault "list:boom": unknown kind "boom"/],
  ])("stops at %j with one line naming the flag and the fix", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function run(args: string[]) {
  const child = spawn(
    process.execPath,
    ["--conditions=@nineproxy/source", "--import", "tsx", CLI, ...args],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NINEPROXY_SANDBOX_API_KEYS: "" } },
  );
  children.push(child);
  const output: string[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[
    Symbol.asyncIterator
  ]();
  const next = async () => {
    const line = (await lines.next()).value as string;
    output.push(line);
    return JSON.parse(line);
  };
  return { child, next, output };
}

describe("nineproxy-sandbox", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "serves, logs one line per request without the key, and stops on %s",
    async (signal) => {
      const { child, next, output } = run([
        "--port",
        "0",
        "--api-key",
        "cli-canary-7",
        "--seed",
        "3",
      ]);
      const ready = await next();
      expect(ready).toMatchObject({ msg: "sandbox listening", accounts: 1, seeded: 3 });
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const res = await fetch(
        `${ready.url}/client/v1/proxy-connection/get-list?api-key=cli-canary-7`,
      );
      expect(((await res.json()) as { result: { total_items: number } }).result.total_items).toBe(
        3,
      );
      const line = await next();
      expect(line).toMatchObject({
        msg: "request",
        method: "GET",
        status: 200,
        durationMs: expect.any(Number),
      });
      expect(line.url).toBe("/client/v1/proxy-connection/get-list?api-key=[REDACTED]");

      child.kill(signal);
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(await next()).toMatchObject({ msg: "sandbox stopping", signal });
      expect(output.join("\n")).not.toContain("canary");
    },
  );

  it("prints its flags with --help and exits 0", async () => {
    const { child } = run(["--help"]);
    let stdout = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: nineproxy-sandbox/);
    for (const flag of ["--port", "--host", "--api-key", "--fault", "--seed", "--help"]) {
      expect(stdout).toContain(flag);
    }
  });

  it("starts with the faults given by --fault", async () => {
    const { next } = run(["--port", "0", "--api-key", "k", "--fault", "list:status=503:times=1"]);
    const { url } = await next();
    const target = `${url}/client/v1/proxy-connection/get-list?api-key=k`;
    expect((await fetch(target)).status).toBe(503);
    expect((await fetch(target)).status).toBe(200);
  });

  it("exits 2 with one line on stderr for a bad flag", async () => {
    const { child } = run(["--api-key", "k", "--port", "http"]);
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toBe('nineproxy-sandbox: --port must be an integer 0-65535, got "http"\n');
  });
});
