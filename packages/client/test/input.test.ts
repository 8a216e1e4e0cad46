import { beforeEach, describe, expect, it } from "vitest";
import { fastClient, TRANSPORTS, thrown, useSandbox } from "./helpers.js";

const ctx = useSandbox();
beforeEach(() => ctx.sb.reset());

describe("input that cannot be sent", () => {
  it.each(TRANSPORTS)("is refused before anything is sent, not retried, via %s", async (_, via) => {
    let requests = 0;
    const client = fastClient(ctx.sb.url, { ...via, hooks: { onRequest: () => void requests++ } });
    const bigint = { quantity: 1n, session_type: 1 } as unknown as {
      quantity: number;
      session_type: 1;
    };
    const create = await thrown(() => client.configs.create(bigint));
    expect(create).toBeInstanceOf(TypeError);
    expect(create.message).toMatch(/create body cannot be written as JSON .*nothing was sent/);

    const loneSurrogate = await thrown(() =>
      client.configs.list({ sort_by: "\ud800" as unknown as "created_at" }),
    );
    expect(loneSurrogate).toBeInstanceOf(TypeError);
    expect(loneSurrogate.message).toMatch(/sort_by holds a lone surrogate/);

    const nested = await thrown(() =>
      client.configs.list({ sort_by: ["ok", "\udfff"] as unknown as "created_at" }),
    );
    expect(nested.message).toMatch(/sort_by holds a lone surrogate/);

    const key = "input-canary-key";
    const keyed = fastClient(ctx.sb.url, { ...via, apiKey: key });
    const leaky = {
      quantity: 1,
      session_type: 1,
      get country_code(): string {
        throw new Error(`boom api-key=${key}`);
      },
    } as const;
    const scrubbed = await thrown(() => keyed.configs.create(leaky));
    expect(scrubbed.message).toMatch(/cannot be written as JSON/);
    expect(scrubbed.message).not.toContain(key);

    expect(requests).toBe(0);
    expect(ctx.sb.applied.create).toBe(0);
  });

  it("lets through what can be sent: null, numbers, arrays, a body with toJSON", async () => {
    const client = fastClient(ctx.sb.url);
    const query = { limit: 5, page: null, sort_by: undefined } as unknown as { limit: number };
    expect(await client.configs.list(query)).toMatchObject({ items: [] });
    expect(await client.configs.list(null as unknown as undefined)).toMatchObject({ items: [] });
    const body = { toJSON: () => ({ quantity: 1, session_type: 1 }) } as unknown as {
      quantity: number;
      session_type: 1;
    };
    const created = await client.configs.create(body);
    // quantity 1, read through toJSON
    expect(created.end_port).toBe(created.start_port);
  });
});
