import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { InvalidResponseError, TimeoutError } from "../src/index.js";
import { fastClient, ownServer, TRANSPORTS, thrown } from "./helpers.js";

const EMPTY = { items: [], total_items: 0, total_pages: 0 };
const OK = JSON.stringify({ success: true, result: EMPTY });

/** How each coding is made, and the `Content-Encoding` it is sent with. */
const CODINGS: Record<string, { header: string; encode: (body: string) => Buffer }> = {
  gzip: { header: "gzip", encode: (b) => gzipSync(b) },
  deflate: { header: "deflate", encode: (b) => deflateSync(b) },
  "raw deflate": { header: "deflate", encode: (b) => deflateRawSync(b) },
  br: { header: "br", encode: (b) => brotliCompressSync(b) },
  "deflate, then gzip": { header: "deflate, gzip", encode: (b) => gzipSync(deflateSync(b)) },
};

/** Runs `test` against a server answering every request with `answer`; counts the requests. */
async function withServer(
  answer: (count: number) => { status?: number; headers?: object; body: Buffer | string },
  test: (url: string, hits: () => number) => Promise<void>,
): Promise<void> {
  let count = 0;
  const server = await ownServer((_req, res) => {
    count++;
    const { status = 200, headers = {}, body } = answer(count);
    res.writeHead(status, headers as Record<string, string>).end(body);
  });
  try {
    await test(server.url, () => count);
  } finally {
    await server.close();
  }
}

describe("a compressed answer", () => {
  const cases = Object.keys(CODINGS).flatMap((coding) =>
    TRANSPORTS.map(([via, options]) => ({ coding, via, options })),
  );

  it.each(cases)("in $coding is decoded, via $via", async ({ coding, options }) => {
    let asked: string | undefined;
    // note: compresses whatever was asked for, as some servers do
    const { header, encode } = CODINGS[coding] as (typeof CODINGS)[string];
    const server = await ownServer((req, res) => {
      asked = req.headers["accept-encoding"];
      res.writeHead(200, { "content-encoding": header }).end(encode(OK));
    });
    try {
      expect(await fastClient(server.url, options).configs.list()).toEqual(EMPTY);
      expect(asked).toMatch(/gzip/);
    } finally {
      await server.close();
    }
  });

  it.each(TRANSPORTS)("with a byte-order mark is decoded, via %s", async (_, options) => {
    const body = gzipSync(`\ufeff${OK}`);
    await withServer(
      () => ({ headers: { "content-encoding": "gzip" }, body }),
      async (url) => {
        expect(await fastClient(url, options).configs.list()).toEqual(EMPTY);
      },
    );
  });

  it.each(TRANSPORTS)("cut short is decoded as far as it goes, via %s", async (_, options) => {
    const whole = gzipSync(OK);
    const body = whole.subarray(0, whole.length - 12);
    await withServer(
      () => ({ headers: { "content-encoding": "gzip" }, body }),
      async (url, hits) => {
        const error = await thrown(() => fastClient(url, options).configs.list());
        expect(error).toBeInstanceOf(InvalidResponseError);
        // what was there was decoded: the snippet is the start of the JSON, not a note
        expect((error as InvalidResponseError).bodySnippet).toMatch(/^\{"success":true/);
        expect(hits()).toBe(1);
      },
    );
  });

  it.each(TRANSPORTS)("with an empty body is named so, via %s", async (_, options) => {
    await withServer(
      () => ({ headers: { "content-encoding": "gzip" }, body: Buffer.alloc(0) }),
      async (url) => {
        const error = await thrown(() => fastClient(url, options).configs.list());
        expect(error).toBeInstanceOf(InvalidResponseError);
        expect(error.message).toMatch(/got an empty body/);
      },
    );
  });

  it.each(TRANSPORTS)("stops at the attempt's time limit as it streams, via %s", async (_, o) => {
    // the first bytes of a gzip stream, then nothing more
    const server = await ownServer((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.write(gzipSync(OK).subarray(0, 12));
    });
    try {
      const client = fastClient(server.url, { ...o, timeoutMs: 100, maxAttempts: 1 });
      expect(await thrown(() => client.configs.list())).toBeInstanceOf(TimeoutError);
    } finally {
      await server.close();
    }
  });
});

describe("a compressed answer that cannot be decoded, on the client's own transport", () => {
  const codings = ["gzip", "deflate", "br"];
  // note: bytes no gzip, deflate or brotli decoder accepts ("%%%%" is a valid, empty brotli stream)
  const garbled = Buffer.alloc(16, 0xff);

  it.each(codings)("in %s keeps its status: a 503 create is retried", async (coding) => {
    // a 503 proves the create was not applied, garbled body or not
    const created = JSON.stringify({ success: true, result: { start_port: 10_000 } });
    await withServer(
      (count) =>
        count === 1
          ? { status: 503, headers: { "content-encoding": coding }, body: garbled }
          : { body: created },
      async (url, hits) => {
        const client = fastClient(url);
        expect(await client.configs.create({ quantity: 1, session_type: 1 })).toEqual({
          start_port: 10_000,
        });
        expect(hits()).toBe(2);
      },
    );
  });

  it.each(codings)("in %s with a 200 is an InvalidResponseError that says why", async (coding) => {
    await withServer(
      () => ({ headers: { "content-encoding": coding }, body: garbled }),
      async (url, hits) => {
        const error = await thrown(() => fastClient(url).configs.list());
        expect(error).toBeInstanceOf(InvalidResponseError);
        const snippet = (error as InvalidResponseError).bodySnippet;
        expect(snippet).toMatch(new RegExp(`^\\[the ${coding} body could not be decoded`));
        expect(hits()).toBe(1);
      },
    );
  });
});

describe("answers with nothing to read", () => {
  const cases = [
    ["a 200 with Content-Length: 0", { "content-length": "0" }, "", /got an empty body/],
    ["an HTML page named in upper case", { "content-type": "TEXT/HTML" }, "oops", /an HTML page/],
  ] as const;
  const all = cases.flatMap(([name, headers, body, why]) =>
    TRANSPORTS.map(([via, options]) => ({ name, headers, body, why, via, options })),
  );

  it.each(all)("$name is an InvalidResponseError that says so, via $via", async (c) => {
    await withServer(
      () => ({ headers: c.headers, body: c.body }),
      async (url) => {
        const error = await thrown(() => fastClient(url, c.options).configs.list());
        expect(error).toBeInstanceOf(InvalidResponseError);
        expect(error.message).toMatch(c.why);
      },
    );
  });
});
