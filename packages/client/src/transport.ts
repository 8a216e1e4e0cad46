import type { paths } from "@nineproxy/api-types";
import createOpenApiClient, { type Client, createQuerySerializer } from "openapi-fetch";
import type { Dispatcher } from "undici";
import { IncomingResponse } from "./incoming-response.js";
import { OutgoingRequest } from "./outgoing-request.js";

/** The openapi-fetch client over the API's paths; its fetch adds the key to every request. */
export type RawClient = Client<paths>;

/** Sends one request built by openapi-fetch, with the key added. */
export type KeyedFetch = (
  request: Request | OutgoingRequest,
) => Promise<Response | IncomingResponse>;

const HAS_KEY = /[?&]api-key=/i;

/** Headers every request of the client's own transport carries. */
const BASE_HEADERS = {
  accept: "application/json",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "nineproxy-client",
} as const;

const NO_REDIRECTS = { maxRedirections: 0 } as object;

type Undici = typeof import("undici");
let undici: Undici | undefined;
let loading: Promise<Undici> | undefined;

/**
 * undici, loaded on the first call that needs it: a client given a `fetch` never loads it. Loading
 * it sets undici's global dispatcher when none is set yet, which `fetch` then uses too.
 */
async function loadUndici(): Promise<Undici> {
  loading ??= import("undici");
  undici = await loading;
  return undici;
}

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
 * Adds the key as late as possible, so middleware and hooks see URLs without it, and sends.
 * Redirects are never followed: following one would send the key wherever `Location` points, and
 * a self-redirect would loop.
 *
 * The client's own calls ({@link OutgoingRequest}) go out through undici's `request` unless a
 * `fetch` was given: on Node 20 it takes a quarter to a third less time per call than `fetch`
 * (see the README's benchmark). They use `dispatcher` if given, else undici's global dispatcher,
 * so what an app set with `setGlobalDispatcher` (a proxy, a CA, limits) applies to them as to
 * `fetch`.
 * Calls on `client.raw`, and any call seen by middleware, use `fetch`, since their callers expect
 * a real `Request` and `Response`.
 */
export function keyedFetch(
  apiKey: string,
  customFetch: typeof fetch | undefined,
  dispatcher?: Dispatcher,
): KeyedFetch {
  const fetchFn = customFetch ?? globalThis.fetch;
  // the key's parameter is encoded once, not on every request
  const param = `api-key=${encodeURIComponent(apiKey)}`;
  const keyed = (url: string) =>
    HAS_KEY.test(url) ? withKey(url, apiKey) : `${url}${url.includes("?") ? "&" : "?"}${param}`;

  // note: Node's fetch takes undici's non-standard `dispatcher`, so a given one applies to
  // client.raw and to calls seen by middleware too
  // (undici 7's Dispatcher type differs from the one of Node's bundled undici, hence the cast)
  const extra = (dispatcher === undefined ? {} : { dispatcher }) as RequestInit;
  // TODO: fetch takes no per-request headersTimeout/bodyTimeout, so undici's 300 s limits still
  // cut a longer timeoutMs short on this path
  const viaFetch = (request: Request | OutgoingRequest, body: RequestInit["body"]) =>
    fetchFn(keyed(request.url), {
      method: request.method,
      headers: request.headers,
      body,
      redirect: "manual",
      signal: request.signal,
      ...extra,
    });
  // TODO: undici publishes each request, key in the query, on its diagnostics channels
  // (undici:request:create, …); an APM agent recording them must be told to drop `api-key`
  const viaUndici = async (request: OutgoingRequest) => {
    const url = keyed(request.url);
    const u = undici ?? (await loadUndici());
    const data = await u.request(url, {
      dispatcher: dispatcher ?? u.getGlobalDispatcher(),
      method: request.method as Dispatcher.HttpMethod,
      headers: withBaseHeaders(request.headers),
      body: request.body as string | undefined,
      signal: request.signal,
      // a dispatcher with undici's redirect interceptor would follow a 3xx, key and all (the
      // interceptor reads this option, though undici 7's types no longer list it)
      ...NO_REDIRECTS,
      // the attempt's signal is the time limit; undici's own (300 s by default) would cut it
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    return new IncomingResponse(url, data);
  };
  // note: a Request's body is read into memory (small JSON) so it goes out with a Content-Length
  const sendRequest = async (request: Request) =>
    viaFetch(request, request.body === null ? undefined : await request.arrayBuffer());

  return (request) => {
    if (!(request instanceof OutgoingRequest)) return sendRequest(request);
    return customFetch === undefined ? viaUndici(request) : viaFetch(request, request.body);
  };
}

/** The request's own headers (openapi-fetch sets Content-Type on a body) over the base ones. */
function withBaseHeaders(headers: RequestInit["headers"]): Record<string, string> {
  if (headers === undefined) return BASE_HEADERS;
  const all: Record<string, string> = { ...BASE_HEADERS };
  for (const [name, value] of new Headers(headers)) all[name] = value;
  return all;
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
