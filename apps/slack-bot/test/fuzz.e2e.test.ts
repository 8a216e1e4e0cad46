import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, type Harness, startHarness, WHO } from "./support/harness.js";
import { prng } from "./support/prng.js";

const PIECES = [
  "create",
  "update",
  "delete",
  "list",
  "show",
  "usage",
  "help",
  "CREATE",
  "Delete",
  "10",
  "1000",
  "10000",
  "10001",
  "65535",
  "0",
  "sticky",
  "sticky=2h",
  "rotating",
  "country=US",
  "country=&amp;",
  "city=\u201Cnew york\u201D",
  "type=1",
  "page",
  "2",
  "sort",
  "created_at",
  "desc",
  "&lt;@U1&gt;",
  "<!channel>",
  "`",
  "*bold*",
  "\u0000",
  "\u202E",
  "🙂",
  "a".repeat(300),
  "=",
  ",",
  "'",
  '"',
];

const HEADS = [
  "create 1",
  "create 5 country=US",
  "update 10000",
  "delete 10000",
  "delete 10000 10001",
];

function fuzzText(rand: () => number): string {
  const n = Math.floor(rand() * 5);
  // half start as a write that parses, so the permission check is reached, not just the parser
  const head = rand() < 0.5 ? [HEADS[Math.floor(rand() * HEADS.length)] ?? ""] : [];
  return head
    .concat(
      Array.from({ length: n }, () =>
        rand() < 0.85
          ? (PIECES[Math.floor(rand() * PIECES.length)] ?? "")
          : String.fromCodePoint(Math.floor(rand() * 0xffff)),
      ),
    )
    .join(" ");
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.sandbox.seed(API_KEY, 30);
});
afterAll(async () => {
  await h.close();
});

describe("the command endpoint under fuzzing (1,200 generated commands over HTTP)", () => {
  it("never answers 5xx, always acks within 3 s, and never writes without permission", async () => {
    const rand = prng(7);
    const senders = [WHO.reader, WHO.otherChannel, WHO.otherTeam];
    const texts = Array.from({ length: 1200 }, () => fuzzText(rand));
    const acks: { status: number; ms: number; text: string }[] = [];
    const concurrency = 24;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < texts.length) {
          const i = next++;
          const ack = await h.command(texts[i] ?? "", senders[i % senders.length]);
          acks.push({ ...ack, text: texts[i] ?? "" });
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 500));

    expect(acks).toHaveLength(1200);
    expect(acks.filter((a) => a.status !== 200)).toEqual([]);
    expect(Math.max(...acks.map((a) => a.ms))).toBeLessThan(3000);
    expect(h.sandbox.applied).toEqual({ create: 0, update: 0, delete: 0 });
    // the fuzz must reach the write paths, or "no write" proves nothing
    const writes = h
      .audits()
      .filter((a) => ["create", "update", "delete"].includes(String(a.command)));
    expect(writes.filter((a) => a.result === "denied").length).toBeGreaterThan(50);
    expect(h.audits().filter((a) => a.result === "failed")).toEqual([]);
    expect(h.slack.refusals).toEqual([]);
    // no crash: still serving, and nothing failed inside Bolt or the receiver
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
    const errors = h.logs.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });
});
