import { inspect } from "node:util";
import { FAULT_KINDS, type Fault } from "@nineproxy/sandbox";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ClientOptions, createClient, NineProxyError, type Operation } from "../src/index.js";
import { closedPort, ownServer, TRANSPORTS, thrown, useSandbox } from "./helpers.js";

// note: `+`, `/` and `=` make the URL-encoded form differ from the raw one; the second key adds
// what ends a URL pattern early (space, `&`, `#`), a `%` and characters outside ASCII.
const KEYS = ["CANARY+k3y/7f3a9c1e5d==", "CANARY k3y&page=2#x%25/+= ünï€ode"];
/** The key of the suite being run. */
let KEY = KEYS[0] as string;
/** The `fetch` option of the suite being run. */
let FETCH: typeof fetch | undefined;
// any 10 characters of the key in a row, raw or encoded, count as a leak: a cut key leaks too
const windows = (text: string) =>
  Array.from({ length: text.length - 9 }, (_, i) => text.slice(i, i + 10));
const needles = () => [...windows(KEY), ...windows(encodeURIComponent(KEY))];

const ctx = useSandbox(KEYS);
const events: unknown[] = [];
const logLines: string[] = [];
const logger = pino({ level: "trace" }, { write: (line: string) => void logLines.push(line) });

function client(baseUrl: string, options: Partial<ClientOptions> = {}) {
  return createClient({
    apiKey: KEY,
    baseUrl,
    timeoutMs: 300,
    backoff: { baseMs: 1, capMs: 2 },
    logger,
    hooks: {
      onRequest: (e) => void events.push(e),
      onResponse: (e) => void events.push(e),
      onRetry: (e) => void events.push(e),
    },
    ...(FETCH === undefined ? {} : { fetch: FETCH }),
    ...options,
  });
}

/** Every way the error could be shown, its whole cause chain included. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error, depth = 0; e !== undefined && depth < 6; depth++) {
    const err = e as Error;
    out.push(String(err), err.message, String(err.stack), JSON.stringify(err));
    out.push(inspect(err, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
    e = err.cause;
  }
  return out;
}

function expectNoKey(texts: string[]): void {
  const all = needles();
  for (const text of texts) for (const needle of all) expect(text).not.toContain(needle);
}

function run(c: ReturnType<typeof client>, op: Operation, startPort = 10_000) {
  if (op === "list") return c.configs.list();
  if (op === "create") return c.configs.create({ quantity: 1, session_type: 1 });
  if (op === "update") return c.configs.update({ start_port: startPort, session_type: 1 });
  return c.configs.delete([startPort]);
}

const OPERATIONS: Operation[] = ["list", "create", "update", "delete"];

// an upstream that echoes the full request URL (key included) everywhere it can; the first
// path segment of baseUrl picks the scenario, so every operation can meet every scenario
let echo: Awaited<ReturnType<typeof ownServer>>;
beforeAll(async () => {
  echo = await ownServer((req, res) => {
    const url = req.url ?? "";
    // the key as the upstream decoded it
    const key = new URL(url, "http://x").searchParams.get("api-key") ?? "";
    const echoed = `http://${req.headers.host}${url}`;
    const json = (status: number, body: object, headers = {}) =>
      res.writeHead(status, headers).end(JSON.stringify(body));
    const fail = { success: false, message: echoed, errors: [echoed, `api-key=${key} is odd`] };
    switch (url.split("/")[1]) {
      case "html":
        return res.writeHead(200, { "content-type": "text/html" }).end(`<html>${echoed}</html>`);
      case "cut":
        // the key straddles the 200th character, where the error's bodySnippet ends
        return res.writeHead(200).end(`<html>${"-".repeat(172)} key ${key}</html>`);
      case "text-500":
        return res.writeHead(500).end(`upstream ${echoed} failed`);
      case "elsewhere":
        return res.writeHead(302, { location: `http://127.0.0.2:9${url}` }).end();
      case "self":
        return res.writeHead(308, { location: echoed }).end();
      case "404":
        return json(404, fail);
      case "429":
        return json(429, fail, { "retry-after": "999" });
      case "false":
        return json(200, fail);
      case "403":
        return json(403, { success: false, message: `bad key ${key}`, errors: [key] });
      case "shape":
        return json(200, { success: true, result: { echoed } });
      default:
        return json(400, fail);
    }
  });
});
afterAll(() => echo.close());
beforeEach(() => {
  ctx.sb.reset();
  events.length = 0;
  logLines.length = 0;
});

// each suite runs on the client's own transport and again on a `fetch` given to it
const SUITES = KEYS.flatMap((key) =>
  TRANSPORTS.map(([via, options]) => ({
    key,
    via,
    fetchFn: "fetch" in options ? options.fetch : undefined,
  })),
);

describe.each(SUITES)("the canary key $key never shows, via $via", ({ key, fetchFn }) => {
  beforeAll(() => {
    KEY = key;
    FETCH = fetchFn;
  });

  const faults = FAULT_KINDS.filter((k) => k !== "latency").map((kind): Fault => {
    if (kind === "status") return { kind, status: 503, retryAfter: 0 };
    return { kind } as Fault;
  });
  const cases = faults.flatMap((fault) => OPERATIONS.map((operation) => ({ fault, operation })));

  it.each(cases)("sandbox fault $fault.kind × $operation", async ({ fault, operation }) => {
    const [seeded] = ctx.sb.seed(KEY, 1);
    ctx.sb.faults.add({ ...fault, route: operation });
    const error = await thrown(() => run(client(ctx.sb.url), operation, seeded?.start_port));
    expect(error).toBeInstanceOf(NineProxyError);
    expectNoKey(renderings(error));
    expectNoKey([JSON.stringify(events), inspect(events, { depth: null }), ...logLines]);
    expect(logLines.length).toBeGreaterThan(0);
  });

  const SCENARIOS = [
    "html",
    "cut",
    "text-500",
    "elsewhere",
    "self",
    "404",
    "429",
    "false",
    "403",
    "shape",
    "400",
  ];
  // note: every Config field is optional in the spec, so any object is a valid create/update result
  const echoCases = SCENARIOS.flatMap((scenario) =>
    OPERATIONS.filter((op) => scenario !== "shape" || op === "list" || op === "delete").map(
      (operation) => ({ scenario, operation }),
    ),
  );

  it.each(echoCases)("an upstream echoing the URL: $scenario × $operation", async (c) => {
    const error = await thrown(() => run(client(`${echo.url}/${c.scenario}`), c.operation));
    expect(error).toBeInstanceOf(NineProxyError);
    expectNoKey(renderings(error));
    expectNoKey([JSON.stringify(events), inspect(events, { depth: null }), ...logLines]);
  });

  it.each(OPERATIONS)("a refused connection × %s", async (operation) => {
    const error = await thrown(async () => run(client(await closedPort()), operation));
    expectNoKey(renderings(error));
    expectNoKey([JSON.stringify(events), ...logLines]);
  });

  it("a fetch that throws with the URL and the Request in its message and cause", async () => {
    const c = client("http://127.0.0.1:1", {
      fetch: async (input) => {
        const request = input as Request;
        const cause = Object.assign(new Error(`socket to ${request.url}`), {
          request,
          code: "ECONNRESET",
        });
        throw new TypeError(`fetch ${request.url} failed`, { cause });
      },
    });
    for (const operation of OPERATIONS) {
      const error = await thrown(() => run(c, operation));
      expectNoKey(renderings(error));
    }
    expectNoKey([JSON.stringify(events), ...logLines]);
  });

  it("a caller abort, an attempt timeout, a deadline and an unknown outcome", async () => {
    ctx.sb.faults.add({ kind: "hang" });
    const c = client(ctx.sb.url);
    const errors = [
      await thrown(() => c.configs.list({}, { signal: AbortSignal.timeout(20) })),
      await thrown(() => c.configs.list({}, { maxAttempts: 1 })),
      await thrown(() => c.configs.list({}, { deadlineMs: 50 })),
      await thrown(() => c.configs.create({ quantity: 1, session_type: 1 })),
    ];
    expect(errors.map((e) => e.name)).toEqual([
      "AbortedError",
      "TimeoutError",
      "TimeoutError",
      "OutcomeUnknownError",
    ]);
    for (const error of errors) expectNoKey(renderings(error));
    expectNoKey([JSON.stringify(events), ...logLines]);
  });

  it("an authentication failure for a key the API does not know", async () => {
    const c = createClient({
      apiKey: `${KEY}-unknown`,
      baseUrl: ctx.sb.url,
      logger,
      ...(FETCH === undefined ? {} : { fetch: FETCH }),
    });
    const error = await thrown(() => c.configs.list());
    expect(error.name).toBe("AuthenticationError");
    expectNoKey(renderings(error));
    expectNoKey(logLines);
  });
});
