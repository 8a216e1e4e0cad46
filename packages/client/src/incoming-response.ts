import type { IncomingHttpHeaders } from "node:http";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { Dispatcher } from "undici";

/** The content codings the transport asks for, each a streaming decoder made as fetch makes it. */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  // note: a sync flush at the end, as in fetch, so a body cut short decodes as far as it goes
  gzip: () => zlib.createGunzip(LENIENT),
  "x-gzip": () => zlib.createGunzip(LENIENT),
  // "deflate" should be zlib-wrapped, but some servers send it raw: createInflate would fail
  deflate: () => new DeflateEither(),
  br: () =>
    zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    }),
};
const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** Inflates zlib-wrapped or raw deflate, told apart by the first byte as fetch does. */
class DeflateEither extends Transform {
  #inner: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#inner === undefined) {
      const wrapped = ((chunk[0] ?? 0) & 0x0f) === 0x08;
      const inner = wrapped ? zlib.createInflate(LENIENT) : zlib.createInflateRaw(LENIENT);
      inner.on("data", (data: Buffer) => this.push(data));
      inner.on("error", (error) => this.destroy(error));
      this.#inner = inner;
    }
    this.#inner.write(chunk, done);
  }

  override _flush(done: TransformCallback): void {
    const inner = this.#inner;
    if (inner === undefined) {
      done();
      return;
    }
    inner.once("end", () => done());
    inner.end();
  }
}

const utf8 = new TextDecoder();

/** The part of a response's headers the client reads. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** What the client reads of a response: a fetch `Response` or an {@link IncomingResponse}. */
export interface ResponseLike {
  readonly status: number;
  readonly ok: boolean;
  readonly url: string;
  readonly headers: HeaderReader;
}

/** Header lookup over undici's lower-cased header object, read like `Headers.get`. */
class IncomingHeaders implements HeaderReader {
  readonly #raw: IncomingHttpHeaders;

  constructor(raw: IncomingHttpHeaders) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
}

/**
 * The answer to one of the client's own calls sent by undici's `request`, read by openapi-fetch
 * in place of a fetch `Response` (it calls `headers.get`, `status`, `ok` and `text()`). Building a
 * `Response` would cost more than the rest of the call's own work.
 */
export class IncomingResponse implements ResponseLike {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: IncomingHeaders;
  readonly #body: Dispatcher.ResponseData["body"];
  // note: private, so an inspected response does not print the URL (it carries the key)
  readonly #url: string;

  constructor(url: string, data: Dispatcher.ResponseData) {
    this.status = data.statusCode;
    this.ok = data.statusCode >= 200 && data.statusCode < 300;
    this.headers = new IncomingHeaders(data.headers);
    this.#body = data.body;
    this.#url = url;
  }

  /** The URL that was requested (the key included): only compared, never shown. */
  get url(): string {
    return this.#url;
  }

  /**
   * The body as text, decoded from the `Content-Encoding` it came in (gzip, deflate, br) as it
   * streams in, so the attempt's signal stops it at once. A body whose coding is broken comes
   * back as a note saying so: the answer keeps its status (a 503 stays a 503) and a 2xx reads as
   * not JSON.
   */
  async text(): Promise<string> {
    const codings = this.headers.get("content-encoding");
    if (codings === null) return this.#body.text();
    // codings apply in the order listed, so they come off in reverse
    const decoders: Transform[] = [];
    for (const coding of codings.toLowerCase().split(",").reverse()) {
      const name = coding.trim();
      if (name === "" || name === "identity") continue;
      const make = DECODERS[name];
      // an unknown coding is left on: the body then reads as not JSON, with a snippet to see
      if (make === undefined) break;
      decoders.push(make());
    }
    if (decoders.length === 0) return this.#body.text();
    const chunks: Buffer[] = [];
    try {
      await pipeline(this.#body, ...(decoders as [Transform]), async (decoded) => {
        for await (const chunk of decoded) chunks.push(chunk as Buffer);
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== "string" || !code.startsWith("Z_")) throw error;
      return `[the ${codings} body could not be decoded: ${(error as Error).message}]`;
    }
    return utf8.decode(Buffer.concat(chunks));
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}
