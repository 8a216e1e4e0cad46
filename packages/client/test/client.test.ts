import { PATHS } from "@nineproxy/api-types";
import { beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError, BadRequestError, createClient } from "../src/index.js";
import { CANARY, fastClient, thrown, useSandbox } from "./helpers.js";

const ctx = useSandbox();

describe("client.configs against the sandbox", () => {
  beforeEach(() => ctx.sb.reset());

  it("creates, lists, updates and deletes with the vendor's wire names", async () => {
    const client = fastClient(ctx.sb.url);
    const created = await client.configs.create({
      quantity: 3,
      session_type: 1,
      country_code: "DE",
    });
    expect(created).toMatchObject({ country_code: "DE", is_random_ip: 1 });
    expect((created.end_port ?? 0) - (created.start_port ?? 0)).toBe(2);

    const page = await client.configs.list();
    expect(page).toEqual({ items: ctx.sb.configs(CANARY), total_items: 1, total_pages: 1 });

    const start_port = created.start_port as number;
    const updated = await client.configs.update({ start_port, session_type: 2, session_time: 10 });
    expect(updated).toMatchObject({ start_port, is_keep: 1, session_time: "10" });

    expect(await client.configs.delete([start_port])).toEqual({ deleted: true });
    expect(ctx.sb.configs(CANARY)).toEqual([]);
    expect(ctx.sb.applied).toEqual({ create: 1, update: 1, delete: 1 });
  });

  it("asks for the largest page the API accepts (100) when the query names no limit", async () => {
    ctx.sb.seed(CANARY, 150);
    const page = await fastClient(ctx.sb.url).configs.list();
    expect(page.items).toHaveLength(100);
    expect(page.total_pages).toBe(2);
  });

  it("passes the query through: limit, page, sort_by, order_by", async () => {
    ctx.sb.seed(CANARY, 5);
    const client = fastClient(ctx.sb.url);
    const page = await client.configs.list({
      limit: 2,
      page: 2,
      sort_by: "start_port",
      order_by: "asc",
    });
    const truth = ctx.sb.configs(CANARY);
    expect(page.items).toEqual(truth.slice(2, 4));
    expect(page).toMatchObject({ total_items: 5, total_pages: 3 });
  });

  it("throws AuthenticationError with the vendor's message on an unknown key", async () => {
    const client = createClient({ apiKey: "not-a-key", baseUrl: ctx.sb.url });
    const error = await thrown(() => client.configs.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 403, method: "GET", path: PATHS.list, attempts: 1 });
    expect((error as AuthenticationError).vendorMessage).toBeTruthy();
  });

  it("throws BadRequestError carrying the vendor's errors[] and does not retry it", async () => {
    const client = fastClient(ctx.sb.url);
    const error = await thrown(() => client.configs.create({ quantity: 0, session_type: 3 as 1 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, attempts: 1, operation: "create" });
    expect((error as BadRequestError).errors.length).toBeGreaterThanOrEqual(2);
    expect(ctx.sb.applied.create).toBe(0);
  });

  it("exposes the openapi-fetch client as raw, with the key already attached", async () => {
    ctx.sb.seed(CANARY, 2);
    const { data, response } = await fastClient(ctx.sb.url).raw.GET(PATHS.list, {
      params: { query: { limit: 1 } },
    });
    expect(response.status).toBe(200);
    expect(data?.result?.items).toHaveLength(1);
  });
});
