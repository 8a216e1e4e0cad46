import { PATHS } from "@nineproxy/api-types";
import { afterEach, expect } from "vitest";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../src/index.js";
import { ROUTE_METHODS, type Route } from "../../src/routes.js";
import { schemaErrors } from "./schemas.js";

/** The key of the account most tests use. */
export const KEY = "test-key-0001";

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((sb) => sb.close()));
});

/** Starts a sandbox on an ephemeral loopback port, closed after the test. */
export async function sandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const sb = await startSandbox({ port: 0, apiKeys: [KEY], ...options });
  started.push(sb);
  return sb;
}

/** What a call needs besides the route: query, body (JSON unless a string), and the key. */
export interface CallInput {
  query?: Record<string, string | number>;
  body?: unknown;
  /** The api-key to send; null sends none. Default `KEY`. */
  key?: string | null;
  method?: string;
}

/** A parsed answer body, read loosely: its shape is checked against the spec's schemas instead. */
// biome-ignore lint/suspicious/noExplicitAny: tests index answers freely after the schema check
export type Loose = any;

/** One answer: status, headers and the parsed body. */
export interface Answer<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
}

/** URL of an operation with its query, the api-key first. */
export function urlOf(sb: Sandbox, route: Route, input: CallInput = {}): string {
  const query = new URLSearchParams();
  const key = input.key === undefined ? KEY : input.key;
  if (key !== null) query.set("api-key", key);
  for (const [name, value] of Object.entries(input.query ?? {})) query.append(name, String(value));
  return `${sb.url}${PATHS[route]}?${query}`;
}

/** Calls an operation over real HTTP and checks the answer against the spec's schema. */
export async function call<T = Loose>(
  sb: Sandbox,
  route: Route,
  input: CallInput = {},
): Promise<Answer<T>> {
  const body =
    input.body === undefined
      ? undefined
      : typeof input.body === "string"
        ? input.body
        : JSON.stringify(input.body);
  const res = await fetch(urlOf(sb, route, input), {
    method: input.method ?? ROUTE_METHODS[route],
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body,
  });
  const answer: Answer<T> = {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as T,
  };
  if ([200, 400, 403].includes(answer.status)) {
    expect(schemaErrors(route, answer.status, answer.body)).toEqual([]);
  }
  return answer;
}

/** Creates a config and returns it, failing the test unless the create succeeded. */
export async function create(sb: Sandbox, body: Record<string, unknown> = {}, key?: string) {
  const answer = await call(sb, "create", { body: { quantity: 1, session_type: 1, ...body }, key });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.result;
}
