import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_KEY,
  BOT_TOKEN,
  buttonValue,
  type Harness,
  SIGNING_SECRET,
  startHarness,
  WHO,
} from "./support/harness.js";

/** Every secret the bot holds, and the shapes a leak could take. */
const WRONG_KEY = "canary-unknown-key-3c5e";
const CANARIES = [API_KEY, SIGNING_SECRET, BOT_TOKEN, WRONG_KEY];

let h: Harness;
let wrongKey: Harness;
beforeAll(async () => {
  h = await startHarness();
  // a bot whose key the sandbox does not know: every call fails with an authentication error
  wrongKey = await startHarness({}, {}, WRONG_KEY);
});
afterAll(async () => {
  await h.close();
  await wrongKey.close();
});

describe("secrets never leave the bot", () => {
  it("appear in no log line and no Slack reply, across successes, failures and faults", async () => {
    const texts = [
      "help",
      "list",
      "usage",
      "create 3 country=us",
      "show 10000",
      "update 10000 rotating",
      "create x",
      "nope",
    ];
    for (const text of texts) await h.command(text);
    for (const text of texts) await h.command(text, WHO.reader);
    h.sandbox.faults.add({ route: "*", kind: "status", status: 500, times: 6 });
    await h.command("create 2");
    h.sandbox.faults.clear();
    h.sandbox.faults.add({ route: "list", kind: "html", times: 4 });
    await h.command("list");
    h.sandbox.faults.clear();
    h.sandbox.faults.add({ route: "list", kind: "redirect-self", times: 4 });
    await h.command("usage");
    h.sandbox.faults.clear();
    const [config] = h.sandbox.configs(API_KEY);
    const del = await h.command(`delete ${config?.start_port}`);
    const [prompt] = await h.slack.waitFor(del.responseUrl);
    const click = await h.click(
      "proxy.delete.confirm",
      buttonValue(prompt?.body ?? {}, "proxy.delete.confirm"),
    );
    await h.slack.waitFor(click.responseUrl);

    const badKey = await wrongKey.command("list");
    const [refused] = await wrongKey.slack.waitFor(badKey.responseUrl);
    expect(refused?.body.text).toMatch(/refused the bot's API key/);

    await new Promise((r) => setTimeout(r, 300));
    const everything = [
      ...h.logs,
      ...wrongKey.logs,
      ...[...h.slack.all, ...wrongKey.slack.all].map((m) => JSON.stringify(m.body)),
    ];
    expect(h.slack.all.length).toBeGreaterThan(15);
    expect(h.audits().length).toBeGreaterThan(15);
    for (const canary of CANARIES) {
      for (const line of everything) expect(line).not.toContain(canary);
    }
  });

  it("appear in no log, audit line or reply when a user pastes one as command text", async () => {
    const pasted = [
      API_KEY,
      `create ${BOT_TOKEN}`,
      `show ${SIGNING_SECRET}`,
      `help ${API_KEY}`,
      `list sort ${BOT_TOKEN}`,
      `create 1 city=${API_KEY}`,
      `update 10000 isp=${SIGNING_SECRET}`,
      // longer than the 64 characters the audit keeps of a bad word
      `${"x".repeat(50)}${API_KEY}`,
    ];
    const before = { logs: h.logs.length, replies: h.slack.all.length };
    for (const who of [WHO.writer, WHO.reader, WHO.otherTeam]) {
      for (const text of pasted) {
        const sent = await h.command(text, who);
        expect(sent.status).toBe(200);
        for (const canary of CANARIES) expect(sent.text).not.toContain(canary);
      }
    }

    await new Promise((r) => setTimeout(r, 300));
    const logs = h.logs.slice(before.logs);
    const replies = h.slack.all.slice(before.replies).map((m) => JSON.stringify(m.body));
    expect(logs.filter((line) => line.includes('"msg":"audit"')).length).toBe(3 * pasted.length);
    for (const canary of [...CANARIES, API_KEY.slice(0, 12)]) {
      for (const line of [...logs, ...replies]) expect(line).not.toContain(canary);
    }
  });
});
