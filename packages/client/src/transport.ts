import type { paths } from "@nineproxy/api-types";
import createOpenApiClient, { type Client } from "openapi-fetch";

/** The openapi-fetch client over the API's paths; its fetch adds the key to every request. */
export type RawClient = Client<paths>;

/** Sends one Request built by openapi-fetch, with the key added and an optional signal. */
export type KeyedFetch = (request: Request, signal?: AbortSignal) => Promise<Response>;

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
  return async (request, signal) => {
    // note: a body is read into memory (small JSON) so it goes out with a Content-Length
    const body = request.body === null ? undefined : await request.arrayBuffer();
    return fetchFn(withKey(request.url, apiKey), {
      method: request.method,
      headers: request.headers,
      body,
      redirect: "manual",
      signal: signal ?? request.signal,
    });
  };
}

/** The openapi-fetch client exposed as `client.raw`: every request it sends carries the key. */
export function createRawClient(baseUrl: string, send: KeyedFetch): RawClient {
  return createOpenApiClient<paths>({ baseUrl, fetch: (request) => send(request) });
}

/** What one attempt got back: the response and its body (text, or JSON for an error status). */
export interface Sent {
  response: Response;
  body: unknown;
}
