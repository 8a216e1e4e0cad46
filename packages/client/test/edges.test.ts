import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classifyThrown } from "../src/classify.js";
import {
  ConnectionError,
  InvalidResponseError,
  type NineProxyClient,
  Redactor,
} from "../src/index.js";
import { fastClient, ownServer, thrown, useSandbox } from "./helpers.js";

const ctx = useSandbox();
beforeEach(() => ctx.sb.reset());

/** The client's own transport, and a `fetch` given to it. */
const TRANSPORTS = [
  ["the client's own transport", {}],
  ["fetch", { fetch: globalThis.fetch }],
] as const;

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));
const EMPTY = { items: [], total_items: 0, total_pages: 0 };

/** An https server on loopback with the fixture certificate `name`; counts requests it gets. */
function httpsServer(name: string) {
  const state = { url: "", hits: 0 };
  const server = createServer(
    { cert: fixture(`${name}.crt`), key: fixture(`${name}.key`) },
    (_req, res) => {
      state.hits++;
      res.end(JSON.stringify({ success: true, result: EMPTY }));
    },
  );
  beforeAll(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  return state;
}

describe.each([
  ["self-signed", "DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed.crt"],
  ["signed by a CA the client does not know", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "test-ca.crt"],
])("a server whose TLS certificate is %s", (_, code, trust) => {
  const server = httpsServer(trust === "test-ca.crt" ? "ca-signed" : "self-signed");

  it.each(TRANSPORTS)(
    "fails at once with a ConnectionError that says nothing was sent, via %s",
    async (_, via) => {
      let requests = 0;
      const client = fastClient(server.url, {
        ...via,
        hooks: { onRequest: () => void requests++ },
      });
      const calls = [
        () => client.configs.list(),
        () => client.configs.create({ quantity: 1, session_type: 1 }),
      ];
      for (const call of calls) {
        requests = 0;
        const error = await thrown(call);
        // a create is not "maybe applied": the handshake failed before any request was sent
        expect(error).toBeInstanceOf(ConnectionError);
        expect(error).toMatchObject({ code, attempts: 1 });
        expect(error.message).toMatch(/was not sent: the TLS check of the server failed/);
        expect(requests).toBe(1);
      }
      expect(server.hits).toBe(0);
    },
  );

  it("works once the dispatcher option trusts the certificate", async () => {
    const trusting = new Agent({ connect: { ca: fixture(trust) } });
    try {
      const client = fastClient(server.url, { dispatcher: trusting });
      expect(await client.configs.list()).toEqual(EMPTY);
      // client.raw goes through fetch, which is given the same dispatcher
      const { response } = await client.raw.GET("/client/v1/proxy-connection/get-list");
      expect(response.status).toBe(200);
    } finally {
      await trusting.close();
    }
  });
});

describe("TLS failures that may pass", () => {
  it("an alert the server sent is a broken connection, retried for a read", () => {
    const ctx = {
      details: { operation: "list" as const, method: "GET", path: "/p", attempts: 1 },
      redactor: new Redactor("k"),
      clock: Date.now,
      timeoutMs: 1,
      deadlineMs: 1,
    };
    const alert = Object.assign(new Error("internal error"), {
      code: "ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR",
    });
    expect(classifyThrown(alert, undefined, ctx).failure).toEqual({ kind: "network" });
    const refused = Object.assign(new Error("bad cert"), { code: "CERT_HAS_EXPIRED" });
    expect(classifyThrown(refused, undefined, ctx).failure).toEqual({ kind: "final" });
  });
});

describe("input that cannot be sent", () => {
  it.each(TRANSPORTS)("is refused before anything is sent, not retried, via %s", async (_, via) => {
    let requests = 0;
    const client = fastClient(ctx.sb.url, { ...via, hooks: { onRequest: () => void requests++ } });
    const bigint = { quantity: 1n, session_type: 1 } as unknown as {
      quantity: number;
      session_type: 1;
    };
    const create = await thrown(() => client.configs.create(bigint));
    expect(create).toBeInstanceOf(TypeError);
    expect(create.message).toMatch(/create body cannot be written as JSON .*nothing was sent/);

    const loneSurrogate = await thrown(() =>
      client.configs.list({ sort_by: "\ud800" as unknown as "created_at" }),
    );
    expect(loneSurrogate).toBeInstanceOf(TypeError);
    expect(loneSurrogate.message).toMatch(/sort_by holds a lone surrogate/);

    const nested = await thrown(() =>
      client.configs.list({ sort_by: ["ok", "\udfff"] as unknown as "created_at" }),
    );
    expect(nested.message).toMatch(/sort_by holds a lone surrogate/);

    const key = "input-canary-key";
    const keyed = fastClient(ctx.sb.url, { ...via, apiKey: key });
    const leaky = {
      quantity: 1,
      session_type: 1,
      get country_code(): string {
        throw new Error(`boom api-key=${key}`);
      },
    } as const;
    const scrubbed = await thrown(() => keyed.configs.create(leaky));
    expect(scrubbed.message).toMatch(/cannot be written as JSON/);
    expect(scrubbed.message).not.toContain(key);

    expect(requests).toBe(0);
    expect(ctx.sb.applied.create).toBe(0);
  });

  it("lets through what can be sent: null, numbers, arrays, a body with toJSON", async () => {
    const client = fastClient(ctx.sb.url);
    const query = { limit: 5, page: null, sort_by: undefined } as unknown as { limit: number };
    expect(await client.configs.list(query)).toMatchObject({ items: [] });
    expect(await client.configs.list(null as unknown as undefined)).toMatchObject({ items: [] });
    const body = { toJSON: () => ({ quantity: 1, session_type: 1 }) } as unknown as {
      quantity: number;
      session_type: 1;
    };
    const created = await client.configs.create(body);
    // quantity 1, read through toJSON
    expect(created.end_port).toBe(created.start_port);
  });
});

describe("many calls sharing one caller's signal", () => {
  it("add one listener to it, so Node prints no warning, and all stop when it fires", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => void warnings.push(w);
    process.on("warning", onWarning);
    try {
      const hang = ctx.sb.faults.add({ kind: "hang", route: "list" });
      const controller = new AbortController();
      const client = fastClient(ctx.sb.url, { timeoutMs: 10_000 });
      const calls = Array.from({ length: 50 }, () =>
        thrown(() => client.configs.list({}, { signal: controller.signal })),
      );
      // let every call reach the sandbox before aborting
      await waitFor(() => hang.hits >= 50);
      controller.abort();
      const errors = await Promise.all(calls);
      expect(errors.map((e) => e.name)).toEqual(Array(50).fill("AbortedError"));
      // note: warnings are emitted on the next tick
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("in a backoff sleep add one listener too", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => void warnings.push(w);
    process.on("warning", onWarning);
    try {
      const busy = ctx.sb.faults.add({ kind: "status", status: 503, route: "list" });
      const controller = new AbortController();
      const client = fastClient(ctx.sb.url, { backoff: { baseMs: 60_000, capMs: 60_000 } });
      const calls = Array.from({ length: 50 }, () =>
        thrown(() =>
          client.configs.list(
            {},
            { signal: controller.signal, maxAttempts: 2, deadlineMs: 600_000 },
          ),
        ),
      );
      // every call has had its 503 and is asleep for a minute before its second attempt
      await waitFor(() => busy.hits >= 50);
      await new Promise((resolve) => setTimeout(resolve, 20));
      controller.abort();
      const errors = await Promise.all(calls);
      expect(errors.map((e) => e.message)).toEqual(
        Array(50).fill(expect.stringMatching(/aborted by the caller while waiting to retry/)),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("answers with nothing to read", () => {
  const cases = [
    ["a 200 with Content-Length: 0", { "content-length": "0" }, "", /got an empty body/],
    ["an HTML page named in upper case", { "content-type": "TEXT/HTML" }, "oops", /an HTML page/],
  ] as const;

  it.each(cases)("%s is an InvalidResponseError that says so", async (_, headers, body, why) => {
    const server = await ownServer((_req, res) => void res.writeHead(200, headers).end(body));
    try {
      for (const via of [{}, { fetch: globalThis.fetch }]) {
        const client: NineProxyClient = fastClient(server.url, via);
        const error = await thrown(() => client.configs.list());
        expect(error).toBeInstanceOf(InvalidResponseError);
        expect(error.message).toMatch(why);
      }
    } finally {
      await server.close();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
}
