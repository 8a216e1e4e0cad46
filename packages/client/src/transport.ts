import type { paths } from "@nineproxy/api-types";
import createOpenApiClient, { type Client, createQuerySerializer } from "openapi-fetch";
import { OutgoingRequest } from "./outgoing-request.js";

/** The openapi-fetch client over the API's paths; its fetch adds the key to every request. */
export type RawClient = Client<paths>;

/** Sends one request built by openapi-fetch, with the key added. */
export type KeyedFetch = (request: Request | OutgoingRequest) => Promise<Response>;

const HAS_KEY = /[?&]api-key=/i;

/** `url` with the `api-key` query parameter set, as the spec's security scheme says. */
export function withKey(url: string, apiKey: string): string {
  if (HAS_KEY.test(url)) {
    const parsed = new URL(url);
    parsed.searchParams.set("api-key", apiKey);
    return parsed.href;
  }
  return `${url}${url.includes("?") ? "&" : "?"}api-key=${encodeURIComponent(apiKey)}`;
}

/**
 * A fetch that adds the key as late as possible, so middleware and hooks see URLs without it.
 * Redirects are never followed (`redirect: "manual"`): following one would send the key wherever
 * `Location` points, and a self-redirect would loop.
 */
export function keyedFetch(apiKey: string, fetchFn: typeof fetch): KeyedFetch {
  // the key's parameter is encoded once, not on every request
  const param = `api-key=${encodeURIComponent(apiKey)}`;
  const keyed = (url: string) =>
    HAS_KEY.test(url) ? withKey(url, apiKey) : `${url}${url.includes("?") ? "&" : "?"}${param}`;

  const send = (request: Request | OutgoingRequest, body: RequestInit["body"]) =>
    fetchFn(keyed(request.url), {
      method: request.method,
      headers: request.headers,
      body,
      redirect: "manual",
      signal: request.signal,
    });
  // note: a Request's body is read into memory (small JSON) so it goes out with a Content-Length
  const sendRequest = async (request: Request) =>
    send(request, request.body === null ? undefined : await request.arrayBuffer());
  return (request) =>
    request instanceof OutgoingRequest ? send(request, request.body) : sendRequest(request);
}

/** `client.raw`, and whether middleware is registered on it (it must then see real Requests). */
export interface Raw {
  raw: RawClient;
  hasMiddleware(): boolean;
}

/** The openapi-fetch client exposed as `client.raw`: every request it sends carries the key. */
export function createRawClient(baseUrl: string, send: KeyedFetch): Raw {
  const raw = createOpenApiClient<paths>({
    baseUrl,
    fetch: send as (request: Request) => Promise<Response>,
    // note: openapi-fetch builds its default serializer again on every request unless given one
    querySerializer: createQuerySerializer(),
  });
  // a mirror of openapi-fetch's own list, which it does not expose
  const middleware: unknown[] = [];
  const { use, eject } = raw;
  raw.use = (...added) => {
    for (const m of added) {
      use(m);
      if (m) middleware.push(m);
    }
  };
  raw.eject = (...removed) => {
    eject(...removed);
    for (const m of removed) {
      const i = middleware.indexOf(m);
      if (i !== -1) middleware.splice(i, 1);
    }
  };
  return { raw, hasMiddleware: () => middleware.length > 0 };
}
