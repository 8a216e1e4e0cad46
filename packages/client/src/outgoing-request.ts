/**
 * The request of one of the client's own calls, built by openapi-fetch (through its `Request`
 * option) in place of a fetch `Request` when no middleware will see it. The transport copies these
 * fields into a new `Request` anyway, to add the key; building a first one would be wasted work.
 */
export class OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: RequestInit["headers"];
  /** The serialized body (a JSON string), sent as it is. */
  readonly body: RequestInit["body"];
  readonly signal: AbortSignal | undefined;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    // an empty Headers (a call without a body) is left out: fetch would copy it for nothing
    const headers = init.headers;
    this.headers = headers instanceof Headers && headers.keys().next().done ? undefined : headers;
    this.body = init.body ?? undefined;
    this.signal = init.signal ?? undefined;
  }
}
