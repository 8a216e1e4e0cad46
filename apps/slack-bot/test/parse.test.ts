import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/command/parse.js";
import { normalizeText } from "../src/command/text.js";

const ok = (text: string) => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected ok for ${text}: ${result.error.message}`);
  return result.command;
};
const err = (text: string) => {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
};

describe("parseCommand: commands", () => {
  it.each([
    ["", { name: "help" }],
    ["help", { name: "help" }],
    ["HELP Create", { name: "help", topic: "create" }],
    ["list", { name: "list", page: 1 }],
    [
      "list page 2 sort created_at desc",
      { name: "list", page: 2, sortBy: "created_at", orderBy: "desc" },
    ],
    [
      "LIST Sort=Start-Port ASC country=us",
      { name: "list", page: 1, sortBy: "start_port", orderBy: "asc", country: "US" },
    ],
    ["list 3", { name: "list", page: 3 }],
    ["ls page=4", { name: "list", page: 4 }],
    ["show 10000", { name: "show", startPort: 10000 }],
    ["usage", { name: "usage" }],
    ["delete 10000", { name: "delete", startPorts: [10000] }],
    ["delete 10000 10010,10020 10000", { name: "delete", startPorts: [10000, 10010, 10020] }],
    ["create 10", { name: "create", quantity: 10, options: {} }],
    [
      "create 5 Country=de STATE=be city=berlin isp=dt type=2 sticky=2h",
      {
        name: "create",
        quantity: 5,
        options: {
          country: "DE",
          state: "be",
          city: "berlin",
          isp: "dt",
          proxyType: 2,
          session: { mode: "sticky", minutes: 120 },
        },
      },
    ],
    ["create 1 sticky", { name: "create", quantity: 1, options: { session: { mode: "sticky" } } }],
    [
      "create 1 rotating",
      { name: "create", quantity: 1, options: { session: { mode: "rotating" } } },
    ],
    [
      "update 10000 sticky=45",
      { name: "update", startPort: 10000, options: { session: { mode: "sticky", minutes: 45 } } },
    ],
    ["update 10000 country = fr", { name: "update", startPort: 10000, options: { country: "FR" } }],
  ])("%j → %j", (text, command) => {
    expect(ok(text)).toEqual(command);
  });
});

describe("parseCommand: forgiving input", () => {
  it.each([
    ["Slack's HTML escapes", "create 1 isp=at&amp;t", { isp: "at&t" }],
    ["smart double quotes", "create 1 city=\u201Cnew york\u201D", { city: "new york" }],
    ["smart single quotes", "create 1 city=\u2018san jose\u2019", { city: "san jose" }],
    ["non-breaking spaces", "create\u00A01\u00A0country=us", { country: "US" }],
    ["durations in minutes", "create 1 sticky=30m", { session: { mode: "sticky", minutes: 30 } }],
    [
      "durations in hours and minutes",
      "create 1 sticky=1h30m",
      { session: { mode: "sticky", minutes: 90 } },
    ],
    ["key:value", "create 1 country:gb", { country: "GB" }],
  ])("accepts %s", (_name, text, options) => {
    expect(ok(text)).toMatchObject({ name: "create", options });
  });

  it("decodes &lt; and &gt; too, and an escaped escape only once", () => {
    expect(normalizeText("&lt;x&gt; &amp;lt;")).toBe("<x> &lt;");
  });
});

describe("parseCommand: errors name the bad token and show the usage", () => {
  it.each([
    ["frobnicate", "frobnicate", "/proxy help"],
    ["create", undefined, "/proxy create <quantity>"],
    ["create ten", "ten", "/proxy create <quantity>"],
    ["create 0", "0", "/proxy create"],
    ["create 1001", "1001", "/proxy create"],
    ["create 5 colour=US", "colour=US", "/proxy create"],
    ["create 5 country=USA", "country=USA", "/proxy create"],
    ["create 5 country=US country=DE", "country=DE", "/proxy create"],
    ["create 5 sticky rotating", "rotating", "/proxy create"],
    ["create 5 sticky=forever", "sticky=forever", "/proxy create"],
    ["create 5 sticky=25h", "sticky=25h", "/proxy create"],
    ["create 5 city=", "city=", "/proxy create"],
    ["create 5 type=abc", "type=abc", "/proxy create"],
    ["update 10000", undefined, "/proxy update <start_port>"],
    ["update 10000 type=1", "type=1", "/proxy update"],
    ["update port country=US", "port", "/proxy update"],
    ["show", undefined, "/proxy show <start_port>"],
    ["show 70000", "70000", "/proxy show"],
    ["show 10000 10001", "10001", "/proxy show"],
    ["delete", undefined, "/proxy delete"],
    ["delete 10000 abc", "abc", "/proxy delete"],
    ["list page 0", "page 0", "/proxy list"],
    ["list sort name", "sort name", "/proxy list"],
    ["list colour=red", "colour=red", "/proxy list"],
    ["list page 2 page 3", "page 3", "/proxy list"],
    ["usage now", "now", "/proxy usage"],
    ["help me", "me", "/proxy help"],
  ])("%j → token %j", (text, token, usage) => {
    const error = err(text);
    expect(error.token).toBe(token);
    expect(error.usage.startsWith(usage)).toBe(true);
    if (token !== undefined) expect(error.message).toContain(token);
  });

  it("refuses more than 25 start ports in one delete", () => {
    const ports = Array.from({ length: 26 }, (_, i) => 10000 + i).join(" ");
    expect(err(`delete ${ports}`).message).toMatch(/At most 25/);
  });

  it("uses the configured slash command in the usage", () => {
    expect(parseCommand("show x", "/px")).toMatchObject({
      ok: false,
      error: { usage: "/px show <start_port>" },
    });
  });
});
