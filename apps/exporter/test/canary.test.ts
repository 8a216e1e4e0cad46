import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "@nineproxy/sandbox";
import { describe, expect, it } from "vitest";
import { parseSettings, startExporter } from "../src/index.js";
import { captureLog, get } from "./stack.js";

const CANARY = "CANARY-9f3b2e71-do-not-log";
// note: characters that URL-encoding changes, so every spelling of a key must be scrubbed
const WRONG_CANARY = "CANARY-unknown/to sandbox+5a1d";
const OPENMETRICS = { Accept: "application/openmetrics-text;version=1.0.0" };
const FAULTS = [
  { kind: "status", status: 503 },
  { kind: "status", status: 429, retryAfter: 0 },
  { kind: "html", status: 502 },
  { kind: "non-json" },
  { kind: "success-false" },
  { kind: "redirect-self", status: 308 },
  { kind: "reset-before" },
  { kind: "status", status: 400 },
] as const;

describe("the API key", () => {
  it("appears in no metric, label, page or log line, on any path", async () => {
    const sandbox = await startSandbox({ apiKeys: [CANARY] });
    sandbox.seed(CANARY, 120);
    const log = captureLog();
    const exporter = await startExporter({
      port: 0,
      logger: log.logger,
      cacheTtlMs: 0,
      details: true,
      accounts: [
        { name: "good", baseUrl: sandbox.url, apiKey: CANARY },
        { name: "wrong", baseUrl: sandbox.url, apiKey: WRONG_CANARY },
      ],
    });
    const pages: string[] = [];
    const visit = async () => {
      for (const path of ["/", "/healthz", "/metrics", "/probe?target=good", "/probe?target=x"]) {
        pages.push((await get(`${exporter.url}${path}`)).body);
        pages.push((await get(`${exporter.url}${path}`, OPENMETRICS)).body);
      }
    };
    try {
      await visit();
      for (const fault of FAULTS) {
        sandbox.faults.add({ route: "list", times: 3, ...fault } as never);
        await visit();
        sandbox.faults.clear();
      }
      await visit();
    } finally {
      await exporter.close();
      await sandbox.close();
    }

    const everything = [...pages, ...log.lines].join("\n");
    expect(log.lines.some((l) => l.includes('"upstream read failed"'))).toBe(true);
    expect(log.lines.some((l) => l.includes('"nineproxy request"'))).toBe(true);
    expect(everything).toContain('nineproxy_up{account="wrong"} 0');
    for (const secret of [CANARY, WRONG_CANARY, "CANARY"]) expect(everything).not.toContain(secret);
  });

  it("is not repeated by a setting error, even one about the key's own line", () => {
    const dir = mkdtempSync(join(tmpdir(), "nineproxy-canary-"));
    const cases = [
      `accounts:\n  - {name: a, api_key: ${CANARY}, base_url: 'http://127.0.0.1:1/?api-key=${CANARY}'}\n`,
      `accounts:\n  - {name: a, api_key: ${CANARY}, base_url: 'http://u:${CANARY}@127.0.0.1:1'}\n`,
      `accounts:\n  - {name: a, api_key: ${CANARY}\n    base_url: [\n`,
      `accounts:\n  - {name: a, api_key: ${CANARY}, base_url: 'http://127.0.0.1:1', extra: 1}\n`,
    ];
    for (const [i, text] of cases.entries()) {
      const path = join(dir, `case-${i}.yml`);
      writeFileSync(path, text);
      expect(() => parseSettings([`--config.file=${path}`], {})).toThrow(/--config.file/);
      try {
        parseSettings([`--config.file=${path}`], {});
      } catch (error) {
        expect(String(error)).not.toContain(CANARY);
        expect(JSON.stringify(error)).not.toContain(CANARY);
      }
    }
  });

  it("is not repeated by an error about a base URL that holds it", async () => {
    const baseUrl = `http://127.0.0.1:1/?api-key=${CANARY}`;
    const error = await startExporter({ port: 0, baseUrl, apiKey: CANARY }).catch((e) => e);
    expect(String(error)).toContain("must not carry a query");
    expect(String(error)).not.toContain(CANARY);
  });
});
