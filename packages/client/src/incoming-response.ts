import type { IncomingHttpHeaders } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Dispatcher } from "undici";

type Decoder = (data: Buffer) => Promise<Buffer>;
const gunzip: Decoder = promisify(zlib.gunzip);
const inflate: Decoder = promisify(zlib.inflate);
const inflateRaw: Decoder = promisify(zlib.inflateRaw);
/** The content codings the transport asks for, as `fetch` decodes them. */
const DECODERS: Readonly<Record<string, Decoder>> = {
  gzip: gunzip,
  "x-gzip": gunzip,
  // note: "deflate" should be zlib-wrapped, but some servers send it raw; the first byte tells
  deflate: (data) => (((data[0] ?? 0) & 0x0f) === 0x08 ? inflate(data) : inflateRaw(data)),
  br: promisify(zlib.brotliDecompress),
};

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

  /** The body as text, decoded from the `Content-Encoding` (gzip, deflate, br) it came in. */
  async text(): Promise<string> {
    const codings = this.headers.get("content-encoding");
    if (codings === null) return this.#body.text();
    let data: Buffer = Buffer.from(await this.#body.arrayBuffer());
    // codings apply in the order listed, so they come off in reverse
    const applied = codings
      .toLowerCase()
      .split(",")
      .map((c) => c.trim());
    for (const coding of applied.reverse()) {
      if (coding === "" || coding === "identity") continue;
      const decode = DECODERS[coding];
      // an unknown coding is left on: the body then reads as not JSON, with a snippet to see
      if (decode === undefined) break;
      data = await decode(data);
    }
    return data.toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}
