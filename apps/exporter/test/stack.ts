import { Writable } from "node:stream";
import { type Sandbox, startSandbox } from "@nineproxy/sandbox";
import pino from "pino";
import { type Exporter, type ExporterOptions, startExporter } from "../src/index.js";
import { parseSamples, type Sample } from "./exposition.js";

/** Log lines captured from a pino logger, as raw JSON text. */
export interface CapturedLog {
  lines: string[];
  logger: pino.Logger;
}

/** A pino logger at debug that keeps every line in memory. */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino({ level: "debug" }, stream) };
}

/** A sandbox with one or more accounts and an exporter on port 0 in front of it. */
export interface Stack {
  sandbox: Sandbox;
  exporter: Exporter;
  log: CapturedLog;
  close(): Promise<void>;
}

/** Starts a sandbox (keys as given) and an exporter watching every key as an account. */
export async function startStack(
  keys: string[],
  options: Partial<ExporterOptions> = {},
): Promise<Stack> {
  const sandbox = await startSandbox({ apiKeys: keys });
  const log = captureLog();
  const accounts =
    keys.length === 1
      ? undefined
      : keys.map((apiKey, i) => ({ name: `acct${i}`, baseUrl: sandbox.url, apiKey }));
  const exporter = await startExporter({
    host: "127.0.0.1",
    port: 0,
    logger: log.logger,
    ...(accounts === undefined ? { baseUrl: sandbox.url, apiKey: keys[0] } : { accounts }),
    ...options,
  }).catch(async (error) => {
    await sandbox.close();
    throw error;
  });
  return {
    sandbox,
    exporter,
    log,
    close: async () => {
      await exporter.close();
      await sandbox.close();
    },
  };
}

/** A fetched page. */
export interface FetchedPage {
  status: number;
  headers: Headers;
  body: string;
}

/** GETs a page of the exporter; returns status, headers and body. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<FetchedPage> {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Scrapes the metrics page and parses it. */
export async function scrape(
  exporter: Exporter,
  headers: Record<string, string> = {},
): Promise<FetchedPage & { samples: Sample[] }> {
  const page = await get(exporter.metricsUrl, headers);
  if (page.status !== 200) throw new Error(`scrape answered ${page.status}: ${page.body}`);
  return { ...page, samples: parseSamples(page.body) };
}
