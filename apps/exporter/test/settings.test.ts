import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { helpText, parseSettings, SettingError, startExporter } from "../src/index.js";

const ENV = { NINEPROXY_BASE_URL: "http://127.0.0.1:4010", NINEPROXY_API_KEY: "k" };
const dir = mkdtempSync(join(tmpdir(), "nineproxy-exporter-settings-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The message of the SettingError thrown, or "no error". */
function errorOf(argv: string[], env: NodeJS.ProcessEnv): string {
  try {
    parseSettings(argv, env);
    return "no error";
  } catch (error) {
    expect(error).toBeInstanceOf(SettingError);
    return (error as Error).message;
  }
}

describe("parseSettings", () => {
  it("defaults to loopback, /metrics, a 60 s TTL and one account named default", () => {
    expect(parseSettings([], ENV)).toEqual({
      kind: "run",
      options: {
        listenAddress: "127.0.0.1:9731",
        telemetryPath: "/metrics",
        cacheTtlMs: 60_000,
        // note: resolved by startExporter to 10 s, or the TTL when that is shorter
        cacheFailureTtlMs: undefined,
        scrapeTimeoutMs: 10_000,
        scrapeTimeoutOffsetMs: 500,
        details: false,
        detailsMaxSeries: 1000,
        logLevel: "info",
        baseUrl: "http://127.0.0.1:4010",
        apiKey: "k",
        accountName: "default",
        poolSize: undefined,
      },
    });
  });

  it("leaves the failure TTL to the default when only a short TTL is given", () => {
    const parsed = parseSettings(["--cache.ttl=5s"], ENV);
    expect(parsed).toMatchObject({ kind: "run", options: { cacheTtlMs: 5_000 } });
    expect(parsed.kind === "run" && parsed.options.cacheFailureTtlMs).toBeUndefined();
  });

  it("takes flags in both forms, over environment variables", () => {
    const command = parseSettings(
      [
        "--web.listen-address",
        ":9999",
        "--cache.ttl=1m30s",
        "--collector.details",
        "--pool.size=500",
      ],
      { ...ENV, NINEPROXY_EXPORTER_CACHE_TTL: "5s", NINEPROXY_EXPORTER_TELEMETRY_PATH: "/m" },
    );
    expect(command.kind === "run" && command.options).toMatchObject({
      listenAddress: ":9999",
      cacheTtlMs: 90_000,
      telemetryPath: "/m",
      details: true,
      poolSize: 500,
    });
  });

  it.each([["--help"], ["-h"]])("answers %s with help", (flag) => {
    expect(parseSettings(["--cache.ttl=bad", flag], {})).toEqual({ kind: "help" });
  });

  it("documents every flag and its environment variable in --help", () => {
    const help = helpText("1.2.3");
    for (const flag of [
      "--web.listen-address",
      "--web.telemetry-path",
      "--cache.ttl",
      "--config.file",
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toContain("$NINEPROXY_BASE_URL");
    expect(help).toContain("NINEPROXY_API_KEY");
  });

  it.each<[string, string[], NodeJS.ProcessEnv, string]>([
    ["no base URL", [], { NINEPROXY_API_KEY: "k" }, "NINEPROXY_BASE_URL is not set: set it"],
    ["no key", [], { NINEPROXY_BASE_URL: "http://127.0.0.1:1" }, "NINEPROXY_API_KEY is not set"],
    ["a bad TTL", ["--cache.ttl=soon"], ENV, '--cache.ttl "soon" is not a duration'],
    [
      "a bad TTL from env",
      [],
      { ...ENV, NINEPROXY_EXPORTER_CACHE_TTL: "5" },
      'NINEPROXY_EXPORTER_CACHE_TTL "5" is not a duration',
    ],
    ["an unknown flag", ["--web.listen"], ENV, 'unknown flag "--web.listen": see --help'],
    ["a flag without value", ["--cache.ttl"], ENV, "--cache.ttl needs a value"],
    ["a bad pool size", ["--pool.size=-3"], ENV, '--pool.size "-3" must be a whole number >= 1'],
    ["a bad log level", ["--log.level=loud"], ENV, '--log.level "loud" is not a level'],
    [
      "a value on a boolean",
      ["--collector.details=yes"],
      ENV,
      "--collector.details takes no value",
    ],
    [
      "a missing config file",
      ["--config.file=/nonexistent/x.yml"],
      ENV,
      "cannot read the file (ENOENT)",
    ],
    [
      "a bad listen address",
      ["--web.listen-address=foo"],
      ENV,
      '--web.listen-address "foo" is not host:port',
    ],
    [
      "a bad listen address from env",
      [],
      { ...ENV, NINEPROXY_EXPORTER_LISTEN_ADDRESS: "bad" },
      'NINEPROXY_EXPORTER_LISTEN_ADDRESS "bad" is not host:port',
    ],
    [
      "a bad telemetry path",
      ["--web.telemetry-path=metrics"],
      ENV,
      '--web.telemetry-path "metrics" is invalid',
    ],
    [
      "a TTL too long",
      ["--cache.ttl=48h"],
      ENV,
      '--cache.ttl "48h" is out of range: use a duration from 0s to 24h',
    ],
    [
      "a failure TTL too long from env",
      [],
      { ...ENV, NINEPROXY_EXPORTER_CACHE_FAILURE_TTL: "25h" },
      'NINEPROXY_EXPORTER_CACHE_FAILURE_TTL "25h" is out of range',
    ],
    [
      "a failure TTL longer than the TTL",
      ["--cache.ttl=10s", "--cache.failure-ttl=20s"],
      ENV,
      '--cache.failure-ttl "20s" is longer than --cache.ttl "10s"',
    ],
    [
      "a failure TTL longer than the TTL, from env",
      [],
      {
        ...ENV,
        NINEPROXY_EXPORTER_CACHE_TTL: "5s",
        NINEPROXY_EXPORTER_CACHE_FAILURE_TTL: "30s",
      },
      'NINEPROXY_EXPORTER_CACHE_FAILURE_TTL "30s" is longer than NINEPROXY_EXPORTER_CACHE_TTL "5s"',
    ],
    [
      "a zero scrape timeout",
      ["--scrape.timeout=0s"],
      ENV,
      '--scrape.timeout "0s" is out of range',
    ],
    [
      "too many detail series",
      ["--collector.details.max-series=2000000"],
      ENV,
      '--collector.details.max-series "2000000" must be a whole number from 1 to 1000000',
    ],
    [
      "a bad account name",
      ["--account.name=bad name"],
      ENV,
      '--account.name: account name "bad name" is invalid',
    ],
    [
      "a base URL that is not http",
      [],
      { ...ENV, NINEPROXY_BASE_URL: "ftp://h" },
      "NINEPROXY_BASE_URL: the API base URL must use http or https",
    ],
    [
      "a base URL with a query",
      ["--api.base-url=http://127.0.0.1:1/?x=1"],
      ENV,
      "--api.base-url: the API base URL must not carry a query",
    ],
  ])("stops on %s with one line naming the setting", (_name, argv, env, message) => {
    const error = errorOf(argv, env);
    expect(error).toContain(message);
    expect(error).not.toContain("\n");
  });
});

describe("--config.file", () => {
  const env = { NINEPROXY_MAIN_KEY: "main-key", NINEPROXY_OTHER_KEY: "other-key" };

  it("lists several accounts, keys from the environment or the file", () => {
    const path = file(
      "good.yml",
      [
        "base_url: http://127.0.0.1:4010",
        "accounts:",
        "  - name: main",
        "    api_key_env: NINEPROXY_MAIN_KEY",
        "    pool_size: 2000",
        "  - name: other",
        "    base_url: http://127.0.0.1:4011",
        "    api_key: inline-key",
      ].join("\n"),
    );
    const command = parseSettings([`--config.file=${path}`], env);
    expect(command.kind === "run" && command.options.accounts).toEqual([
      { name: "main", baseUrl: "http://127.0.0.1:4010", apiKey: "main-key", poolSize: 2000 },
      {
        name: "other",
        baseUrl: "http://127.0.0.1:4011",
        apiKey: "inline-key",
        poolSize: undefined,
      },
    ]);
  });

  it("keeps the system error of an unreadable file as the cause", () => {
    const error = (() => {
      try {
        return parseSettings(["--config.file=/nonexistent/x.yml"], ENV);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SettingError);
    expect((error as Error).cause).toMatchObject({ code: "ENOENT" });
  });

  it("refuses --pool.size beside it, pointing to pool_size", () => {
    const path = file(
      "pool.yml",
      "accounts:\n  - {name: a, api_key: x, base_url: 'http://127.0.0.1:1'}\n",
    );
    expect(errorOf([`--config.file=${path}`, "--pool.size=10"], {})).toBe(
      "--pool.size applies to the single account: with --config.file, set pool_size per account",
    );
  });

  it.each([
    ["no accounts", "base_url: http://127.0.0.1:1\n", 'list the accounts under "accounts:"'],
    [
      "an unset variable",
      "accounts:\n  - name: a\n    base_url: http://127.0.0.1:1\n    api_key_env: NOPE_UNSET\n",
      "environment variable NOPE_UNSET is not set",
    ],
    [
      "a duplicate name",
      "base_url: http://127.0.0.1:1\naccounts:\n  - {name: a, api_key: x}\n  - {name: a, api_key: y}\n",
      'account name "a" is used twice',
    ],
    [
      "a key in the URL",
      "accounts:\n  - {name: a, api_key: x, base_url: 'http://127.0.0.1:1/?api-key=s3cret'}\n",
      "must not carry a query",
    ],
    [
      "a typo",
      "accounts:\n  - {name: a, api_key: x, base_url: 'http://127.0.0.1:1', poolsize: 3}\n",
      'unknown field "poolsize"',
    ],
    [
      "a bad name",
      "accounts:\n  - {name: 'a b', api_key: x, base_url: 'http://127.0.0.1:1'}\n",
      'account name "a b" is invalid',
    ],
    ["no base URL", "accounts:\n  - {name: a, api_key: x}\n", "the API base URL is not set"],
    ["bad YAML", "accounts: [\n  {name: a\n", "not valid YAML"],
  ])("stops on %s", (name, text, message) => {
    const path = file(`${name.replace(/\W/g, "-")}.yml`, text);
    const error = errorOf([`--config.file=${path}`], {});
    expect(error).toContain(message);
    expect(error).toContain(path);
    expect(error).not.toContain("s3cret");
  });
});

describe("startExporter options", () => {
  it.each<[string, object, string]>([
    ["no base URL", { apiKey: "k" }, "the API base URL is not set"],
    ["no key", { baseUrl: "http://127.0.0.1:1" }, 'account "default" has no API key'],
    [
      "a bad listen address",
      { ...{ baseUrl: "http://127.0.0.1:1", apiKey: "k" }, listenAddress: "localhost" },
      'listenAddress "localhost" is not host:port',
    ],
    [
      "a bad telemetry path",
      { baseUrl: "http://127.0.0.1:1", apiKey: "k", telemetryPath: "/" },
      'telemetryPath "/" is invalid',
    ],
    [
      "a negative TTL",
      { baseUrl: "http://127.0.0.1:1", apiKey: "k", cacheTtlMs: -1 },
      "cacheTtlMs must be a number from 0",
    ],
    [
      "a failure TTL longer than the TTL",
      { baseUrl: "http://127.0.0.1:1", apiKey: "k", cacheTtlMs: 10_000, cacheFailureTtlMs: 20_000 },
      "cacheFailureTtlMs 20000 is longer than cacheTtlMs 10000",
    ],
  ])("rejects %s", async (_name, options, message) => {
    await expect(startExporter({ port: 0, ...options })).rejects.toThrow(message);
  });

  it("names the listen address when the port is taken, and keeps the system error", async () => {
    const first = await startExporter({
      port: 0,
      baseUrl: "http://127.0.0.1:1",
      apiKey: "k",
      logLevel: "silent",
    });
    const port = new URL(first.url).port;
    try {
      const error = await startExporter({
        listenAddress: `127.0.0.1:${port}`,
        baseUrl: "http://127.0.0.1:1",
        apiKey: "k",
        logLevel: "silent",
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SettingError);
      expect((error as Error).message).toContain(
        `--web.listen-address 127.0.0.1:${port}: the port is in use`,
      );
      expect((error as Error).cause).toMatchObject({ code: "EADDRINUSE" });
    } finally {
      await first.close();
    }
  });
});
