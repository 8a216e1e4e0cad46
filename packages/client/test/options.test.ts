import { describe, expect, it } from "vitest";
import { createClient, DEFAULTS } from "../src/index.js";
import { resolveOptions } from "../src/options.js";

const KEY = "CANARY-options-0123456789";
const ok = { apiKey: KEY, baseUrl: "http://127.0.0.1:1" };

describe("client options", () => {
  it("fills in every default", () => {
    const resolved = resolveOptions(ok);
    expect(resolved).toMatchObject({ ...DEFAULTS, backoff: { baseMs: 200, capMs: 10_000 } });
    expect(DEFAULTS).toEqual({
      maxAttempts: 3,
      timeoutMs: 10_000,
      deadlineMs: 60_000,
      maxRetryAfterMs: 60_000,
      pageSize: 100,
      pageConcurrency: 4,
    });
  });

  it("drops a trailing slash of baseUrl", () => {
    expect(resolveOptions({ ...ok, baseUrl: "http://127.0.0.1:1/api/" }).baseUrl).toBe(
      "http://127.0.0.1:1/api",
    );
  });

  it.each([
    ["no apiKey", { apiKey: "" }, /apiKey is required/],
    ["a blank apiKey", { apiKey: "   " }, /apiKey is required/],
    ["no baseUrl (there is no default host)", { baseUrl: undefined }, /baseUrl is required/],
    ["a relative baseUrl", { baseUrl: "/api" }, /absolute http\(s\) URL/],
    ["a non-http baseUrl", { baseUrl: "ftp://127.0.0.1" }, /http or https/],
    ["a key in baseUrl", { baseUrl: `http://127.0.0.1:1/?api-key=${KEY}` }, /must not carry/],
    ["credentials in baseUrl", { baseUrl: `http://u:${KEY}@127.0.0.1:1` }, /must not carry/],
    ["maxAttempts 0", { maxAttempts: 0 }, /maxAttempts must be an integer >= 1/],
    ["maxAttempts 1.5", { maxAttempts: 1.5 }, /maxAttempts/],
    ["timeoutMs 0", { timeoutMs: 0 }, /timeoutMs must be a number of milliseconds > 0/],
    ["deadlineMs NaN", { deadlineMs: Number.NaN }, /deadlineMs/],
    ["maxRetryAfterMs -1", { maxRetryAfterMs: -1 }, /maxRetryAfterMs/],
    ["pageSize 0", { pageSize: 0 }, /pageSize/],
    ["pageConcurrency 0", { pageConcurrency: 0 }, /pageConcurrency/],
    ["a negative backoff", { backoff: { baseMs: -1 } }, /backoff.baseMs/],
    ["a fetch that is not a function", { fetch: "no" }, /fetch must be a function/],
    ["a dispatcher that is not one", { dispatcher: {} }, /dispatcher must be an undici Dispatcher/],
    [
      "both a fetch and a dispatcher",
      { fetch: globalThis.fetch, dispatcher: { dispatch() {} } },
      /give fetch or dispatcher, not both/,
    ],
  ])("rejects %s with a TypeError that never shows the key", (_, patch, message) => {
    const build = () => createClient({ ...ok, ...patch } as Parameters<typeof createClient>[0]);
    expect(build).toThrow(TypeError);
    expect(build).toThrow(message);
    try {
      build();
    } catch (error) {
      expect(String((error as Error).stack)).not.toContain(KEY);
    }
  });

  it.each([
    ["maxAttempts", { maxAttempts: 0 }],
    ["timeoutMs", { timeoutMs: -5 }],
    ["deadlineMs", { deadlineMs: 0 }],
  ])("rejects a bad per-call %s before sending anything", async (name, callOptions) => {
    let sent = 0;
    const client = createClient({
      ...ok,
      fetch: async () => {
        sent++;
        return new Response("{}");
      },
    });
    await expect(client.configs.list({}, callOptions)).rejects.toThrow(name);
    expect(sent).toBe(0);
  });

  it.each([
    ["concurrency", { concurrency: 0 }],
    ["maxItems", { maxItems: -1 }],
    ["maxPages", { maxPages: 1.5 }],
  ])("rejects a bad %s when iteration starts", (name, pageOptions) => {
    const client = createClient(ok);
    expect(() => client.configs.pages({}, pageOptions)).toThrow(name);
  });
});
