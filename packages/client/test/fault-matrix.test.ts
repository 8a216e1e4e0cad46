import type { Fault } from "@nineproxy/sandbox";
import { beforeEach, describe, expect, it } from "vitest";
import {
  ConnectionError,
  InvalidResponseError,
  type NineProxyClient,
  type NineProxyError,
  type Operation,
  OutcomeUnknownError,
  RateLimitError,
  RedirectLoopError,
  ServerError,
  TimeoutError,
  VendorError,
} from "../src/index.js";
import { CANARY, fastClient, TRANSPORTS, thrown, useSandbox } from "./helpers.js";

const ctx = useSandbox();

type ErrorClass = abstract new (...args: never[]) => NineProxyError;
/** "ok", or the class thrown and (for OutcomeUnknownError) the class of its cause. */
type Outcome = "ok" | ErrorClass | [typeof OutcomeUnknownError, ErrorClass];
type Row = {
  name: string;
  fault: Fault;
  /** list, update, create, delete */
  expect: [Outcome, Outcome, Outcome, Outcome];
  /** How many times create and delete were applied by the sandbox (never more than once). */
  applied: 0 | 1;
  /** Attempts made, when every operation makes the same number. */
  attempts?: number;
};

const unknown = (cause: ErrorClass): [typeof OutcomeUnknownError, ErrorClass] => [
  OutcomeUnknownError,
  cause,
];

const MATRIX: Row[] = [
  {
    name: "latency 50 ms",
    fault: { kind: "latency", ms: 50 },
    expect: ["ok", "ok", "ok", "ok"],
    applied: 1,
    attempts: 1,
  },
  {
    name: "429 once, Retry-After 0 s",
    fault: { kind: "status", status: 429, retryAfter: 0, times: 1 },
    expect: ["ok", "ok", "ok", "ok"],
    applied: 1,
    attempts: 2,
  },
  {
    name: "429 once, Retry-After as a date",
    fault: { kind: "status", status: 429, retryAfter: 0, retryAfterAs: "date", times: 1 },
    expect: ["ok", "ok", "ok", "ok"],
    applied: 1,
    attempts: 2,
  },
  {
    name: "429 with Retry-After 120 s (above the cap)",
    fault: { kind: "status", status: 429, retryAfter: 120 },
    expect: [RateLimitError, RateLimitError, RateLimitError, RateLimitError],
    applied: 0,
    attempts: 1,
  },
  {
    name: "429 always, no Retry-After",
    fault: { kind: "status", status: 429 },
    expect: [RateLimitError, RateLimitError, RateLimitError, RateLimitError],
    applied: 0,
    attempts: 3,
  },
  {
    name: "500 once",
    fault: { kind: "status", status: 500, times: 1 },
    expect: ["ok", "ok", unknown(ServerError), unknown(ServerError)],
    applied: 0,
  },
  {
    name: "502 once",
    fault: { kind: "status", status: 502, times: 1 },
    expect: ["ok", "ok", unknown(ServerError), unknown(ServerError)],
    applied: 0,
  },
  {
    name: "504 once",
    fault: { kind: "status", status: 504, times: 1 },
    expect: ["ok", "ok", unknown(ServerError), unknown(ServerError)],
    applied: 0,
  },
  {
    name: "503 once",
    fault: { kind: "status", status: 503, times: 1 },
    expect: ["ok", "ok", "ok", "ok"],
    applied: 1,
    attempts: 2,
  },
  {
    name: "503 always",
    fault: { kind: "status", status: 503 },
    expect: [ServerError, ServerError, ServerError, ServerError],
    applied: 0,
    attempts: 3,
  },
  {
    name: "reset before applying, once",
    fault: { kind: "reset-before", times: 1 },
    expect: ["ok", "ok", unknown(ConnectionError), unknown(ConnectionError)],
    applied: 0,
  },
  {
    name: "reset after applying, once",
    fault: { kind: "reset-after", times: 1 },
    expect: ["ok", "ok", unknown(ConnectionError), unknown(ConnectionError)],
    applied: 1,
  },
  {
    name: "no answer, once",
    fault: { kind: "hang", times: 1 },
    expect: ["ok", "ok", unknown(TimeoutError), unknown(TimeoutError)],
    applied: 0,
  },
  {
    name: "200 with a non-JSON body",
    fault: { kind: "non-json" },
    expect: [
      InvalidResponseError,
      InvalidResponseError,
      unknown(InvalidResponseError),
      unknown(InvalidResponseError),
    ],
    applied: 0,
    attempts: 1,
  },
  {
    name: "502 with a non-JSON body, once",
    fault: { kind: "non-json", status: 502, times: 1 },
    expect: ["ok", "ok", unknown(ServerError), unknown(ServerError)],
    applied: 0,
  },
  {
    name: "200 with an HTML page",
    fault: { kind: "html" },
    expect: [
      InvalidResponseError,
      InvalidResponseError,
      unknown(InvalidResponseError),
      unknown(InvalidResponseError),
    ],
    applied: 0,
    attempts: 1,
  },
  {
    name: "503 with an HTML page, once",
    fault: { kind: "html", status: 503, times: 1 },
    expect: ["ok", "ok", "ok", "ok"],
    applied: 1,
    attempts: 2,
  },
  {
    name: "200 with success:false",
    fault: { kind: "success-false", message: "nope" },
    expect: [VendorError, VendorError, VendorError, VendorError],
    applied: 0,
    attempts: 1,
  },
  {
    name: "308 to the same URL",
    fault: { kind: "redirect-self" },
    expect: [RedirectLoopError, RedirectLoopError, RedirectLoopError, RedirectLoopError],
    applied: 0,
    attempts: 1,
  },
  {
    name: "301 to the same URL",
    fault: { kind: "redirect-self", status: 301 },
    expect: [RedirectLoopError, RedirectLoopError, RedirectLoopError, RedirectLoopError],
    applied: 0,
    attempts: 1,
  },
];

const OPERATIONS: Operation[] = ["list", "update", "create", "delete"];

function run(client: NineProxyClient, operation: Operation, startPort: number): Promise<unknown> {
  switch (operation) {
    case "list":
      return client.configs.list();
    case "update":
      return client.configs.update({ start_port: startPort, session_type: 2, session_time: 5 });
    case "create":
      return client.configs.create({ quantity: 2, session_type: 1 });
    case "delete":
      return client.configs.delete([startPort]);
  }
}

describe.each(TRANSPORTS)("the fault matrix via %s: every fault × every operation", (_, via) => {
  beforeEach(() => ctx.sb.reset());

  const cases = MATRIX.flatMap((row) =>
    OPERATIONS.map((operation, i) => ({ ...row, operation, outcome: row.expect[i] as Outcome })),
  );

  it.each(cases)("$name × $operation", async ({ fault, operation, outcome, applied, attempts }) => {
    const [seeded] = ctx.sb.seed(CANARY, 1);
    const startPort = seeded?.start_port as number;
    let requests = 0;
    const client = fastClient(ctx.sb.url, {
      ...via,
      timeoutMs: 300,
      hooks: { onRequest: () => void requests++ },
    });
    ctx.sb.faults.add({ ...fault, route: operation });

    if (outcome === "ok") {
      await run(client, operation, startPort);
    } else {
      const error = (await thrown(() => run(client, operation, startPort))) as NineProxyError;
      const [type, causeType] = Array.isArray(outcome) ? outcome : [outcome, undefined];
      expect(error).toBeInstanceOf(type);
      if (causeType !== undefined) expect(error.cause).toBeInstanceOf(causeType);
      expect(error).toMatchObject({ operation, attempts: requests });
      if (type === OutcomeUnknownError) expect(error.message).toMatch(/list the configs to check/);
    }
    if (attempts !== undefined) expect(requests).toBe(attempts);

    // the point of it all: an allocating write is applied at most once, whatever happens
    if (operation === "create" || operation === "delete") {
      expect(ctx.sb.applied[operation]).toBe(applied);
      // an outcome-unknown write is never sent a second time
      if (Array.isArray(outcome)) expect(requests).toBe(1);
    }
  });

  it("a 429 with Retry-After 120 s exposes the wait it refused to make", async () => {
    ctx.sb.faults.add({ kind: "status", status: 429, retryAfter: 120, route: "list" });
    const error = await thrown(() => fastClient(ctx.sb.url, via).configs.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
  });
});
