import { describe, expect, it } from "vitest";
import { Account } from "../src/account.js";

const SERVERS = [{ id: 1, firstPort: 1000, lastPort: 1999 }];
const ROTATING = { session_type: 1 } as const;

describe("Account", () => {
  it("sorts once per change: page reads share one sorted view until a write", () => {
    const account = new Account(1, SERVERS);
    for (let i = 0; i < 5; i++) account.create(ROTATING, 1, 100 + i);
    const view = account.sorted("created_at");
    account.page("created_at", "desc", 1, 2);
    expect(account.sorted("created_at")).toBe(view);
    account.create(ROTATING, 1, 50);
    expect(account.sorted("created_at")).not.toBe(view);
    expect(account.sorted("created_at")[0]?.created_at).toBe(50);
  });

  it("re-sorts by updated_at after an update, and keeps the other views", () => {
    const account = new Account(1, SERVERS);
    const first = account.create(ROTATING, 1, 100);
    account.create(ROTATING, 1, 200);
    const byPort = account.sorted("start_port");
    account.update(first?.start_port as number, ROTATING, 300);
    expect(account.sorted("start_port")).toBe(byPort);
    expect(account.sorted("updated_at").map((c) => c.id)).toEqual([2, 1]);
  });

  it.each([
    ["asc", 1, [1, 2, 3]],
    ["asc", 3, [7]],
    ["desc", 1, [7, 6, 5]],
    ["desc", 3, [1]],
    ["desc", 4, []],
  ] as const)("pages %s page %i of 3 as %j", (order, page, ids) => {
    const account = new Account(1, SERVERS);
    for (let i = 0; i < 7; i++) account.create(ROTATING, 1, 100);
    const result = account.page("id", order, page, 3);
    expect(result.items.map((c) => c.id)).toEqual(ids);
    expect(result.total_pages).toBe(3);
  });
});
