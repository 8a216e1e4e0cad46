import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/command/parse.js";
import type { Command } from "../src/command/types.js";
import { prng } from "./support/prng.js";

const WORDS = [
  "help",
  "list",
  "show",
  "create",
  "update",
  "delete",
  "usage",
  "LIST",
  "Create",
  "page",
  "sort",
  "asc",
  "desc",
  "country=us",
  "country=",
  "=",
  "sticky",
  "sticky=30m",
  "sticky=2h",
  "rotating",
  "type=1",
  "city=berlin",
  "isp=x",
  "state=ca",
  "10000",
  "0",
  "-1",
  "65536",
  "1e3",
  "NaN",
  "&amp;",
  "&lt;",
  "&gt;",
  "\u201C",
  "\u201D",
  "\u2018",
  "'",
  '"',
  "\u00A0",
  "\t",
  "\n",
  "🙂",
  "%00",
  "\\",
  "<@U123>",
  "<#C123|ops>",
  "<!here>",
  "`",
  "*",
  "__proto__",
  "constructor",
  "toString",
  ",",
  ":",
];

function randomText(rand: () => number): string {
  const n = Math.floor(rand() * 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.7) parts.push(WORDS[Math.floor(rand() * WORDS.length)] ?? "");
    else if (r < 0.85) parts.push(String(Math.floor(rand() * 100_000)));
    else parts.push(String.fromCodePoint(Math.floor(rand() * 0x2fff)));
  }
  return parts.join(rand() < 0.8 ? " " : "");
}

/** Renders a command back to text, to check that parsing is exact. */
function render(c: Command): string {
  switch (c.name) {
    case "help":
      return `help ${c.topic ?? ""}`;
    case "usage":
      return "usage";
    case "show":
      return `show ${c.startPort}`;
    case "delete":
      return `delete ${c.startPorts.join(" ")}`;
    case "list":
      return `list page ${c.page} ${c.sortBy ? `sort ${c.sortBy}` : ""} ${c.orderBy ?? ""} ${c.country ? `country=${c.country}` : ""}`;
    case "create":
    case "update": {
      const o = c.options;
      const parts = [
        c.name,
        String(c.name === "create" ? c.quantity : c.startPort),
        o.country ? `country=${o.country}` : "",
        o.state ? `state="${o.state}"` : "",
        o.city ? `city="${o.city}"` : "",
        o.isp ? `isp="${o.isp}"` : "",
        o.proxyType !== undefined ? `type=${o.proxyType}` : "",
        o.session?.mode === "rotating" ? "rotating" : "",
        o.session?.mode === "sticky"
          ? `sticky${o.session.minutes ? `=${o.session.minutes}m` : ""}`
          : "",
      ];
      return parts.join(" ");
    }
  }
}

describe("parseCommand under fuzzing", () => {
  it("never throws, and every error names a usage, on 5,000 generated inputs", () => {
    const rand = prng(0x9e3779b9);
    let parsed = 0;
    for (let i = 0; i < 5000; i++) {
      const text = randomText(rand);
      const result = parseCommand(text);
      if (result.ok) parsed++;
      else {
        expect(result.error.usage, text).toMatch(/^\/proxy /);
        expect(result.error.message.length, text).toBeGreaterThan(0);
      }
    }
    // the generator must reach valid commands too, or it tests only the error paths
    expect(parsed).toBeGreaterThan(200);
  });

  it("is exact: every parsed command, rendered back to text, parses to itself", () => {
    const rand = prng(42);
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      const first = parseCommand(randomText(rand));
      if (!first.ok) continue;
      const again = parseCommand(render(first.command));
      expect(again, render(first.command)).toEqual(first);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});
