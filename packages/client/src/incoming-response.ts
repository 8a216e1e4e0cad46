import type { IncomingHttpHeaders } from "node:http";
import type { Dispatcher } from "undici";
import { decodeBody } from "./decode.js";

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
 * in place of a fetch `Response`: it calls `headers.get`, `status`, `ok` and `text()` (the client's
 * calls always read text). Building a `Response` would cost more than the call's own work.
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

  /** The body as text, its `Content-Encoding` taken off (see {@link decodeBody}). */
  text(): Promise<string> {
    const codings = this.headers.get("content-encoding");
    return codings === null ? this.#body.text() : decodeBody(this.#body, codings);
  }
}
