import { once } from "node:events";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { type Sandbox, startSandbox } from "@nineproxy/sandbox";
import { afterAll, beforeAll } from "vitest";
import { type ClientOptions, createClient, type NineProxyClient } from "../src/index.js";

/** A canary: a test fails if it ever appears in anything the client produces. */
export const CANARY = "CANARY-k3y-7f3a9c1e5d";

/** Starts a sandbox for the file's tests (port 0, loopback) and closes it afterwards. */
export function useSandbox(apiKeys: string[] = [CANARY]): { sb: Sandbox } {
  const holder = {} as { sb: Sandbox };
  beforeAll(async () => {
    holder.sb = await startSandbox({ apiKeys });
  });
  afterAll(async () => {
    await holder.sb?.close();
  });
  return holder;
}

/** A client with tiny backoff so retries take milliseconds. */
export function fastClient(url: string, options: Partial<ClientOptions> = {}): NineProxyClient {
  return createClient({
    apiKey: CANARY,
    baseUrl: url,
    backoff: { baseMs: 1, capMs: 5 },
    ...options,
  });
}

/**
 * A one-off node:http server on loopback port 0, for edge cases the sandbox has no fault for.
 * `keepAliveMs` is how long it keeps an idle connection (Node's default is 5 s).
 */
export async function ownServer(
  handler: RequestListener,
  keepAliveMs?: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  if (keepAliveMs !== undefined) server.keepAliveTimeout = keepAliveMs;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<string> {
  const server = await ownServer(() => {});
  await server.close();
  return server.url;
}

/** Runs `fn` and returns what it threw (fails the test when it did not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

/**
 * The client's own transport, and a `fetch` given to it (what `client.raw` and middleware use):
 * tests that hold for both run once on each.
 */
export const TRANSPORTS = [
  ["the client's own transport", {}],
  ["fetch", { fetch: globalThis.fetch }],
] as const satisfies readonly (readonly [string, Partial<ClientOptions>])[];
