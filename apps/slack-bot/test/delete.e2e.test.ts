import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  API_KEY,
  buttonValue,
  type Harness,
  SIGNING_SECRET,
  startHarness,
  testAccess,
  WHO,
} from "./support/harness.js";
import { blockActionsBody, postToSlackEndpoint } from "./support/slack-request.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.sandbox.reset();
});

/** Seeds three configs and asks to delete the first two; returns the prompt. */
async function prompt(who = WHO.writer) {
  const seeded = h.sandbox.seed(API_KEY, [
    { quantity: 10, country_code: "US", session_type: 1 },
    { quantity: 5, country_code: "DE", session_type: 2 },
    { quantity: 1, session_type: 1 },
  ]);
  const [a, b] = seeded;
  const ack = await h.command(`delete ${a?.start_port} ${b?.start_port} 9999`, who);
  const [message] = await h.slack.waitFor(ack.responseUrl);
  return { seeded, a, b, body: message?.body ?? {}, json: JSON.stringify(message?.body) };
}

/** Clicks Delete on another replica's endpoint; returns the HTTP answer and its response_url. */
async function clickOn(bot: { url: string }, value: string, timestamp?: number) {
  const responseUrl = h.slack.newUrl();
  const body = blockActionsBody("proxy.delete.confirm", value, responseUrl);
  const res = await postToSlackEndpoint(bot.url, body, {
    secret: SIGNING_SECRET,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
  return { ...res, responseUrl };
}

describe("/proxy delete asks first", () => {
  it("shows exactly which configs and ports will go, with Delete and Cancel, and deletes nothing", async () => {
    const { a, b, body, json } = await prompt();
    expect(body.text).toBe(
      `Delete 2 configs (15 ports)? ${a?.start_port}–${a?.end_port}, ${b?.start_port}–${b?.end_port}`,
    );
    expect(json).toContain(`${a?.start_port}–${a?.end_port}`);
    expect(json).toContain("Not found, skipped: 9999");
    expect(buttonValue(body, "proxy.delete.confirm")).toMatch(/^b1\./);
    expect(buttonValue(body, "proxy.delete.cancel")).toMatch(/^b1\./);
    expect(h.sandbox.applied.delete).toBe(0);
  });

  it("names a one-port config by its port alone, in the singular, in the fallback text too", async () => {
    const [one] = h.sandbox.seed(API_KEY, [{ quantity: 1, session_type: 1 }]);
    const ack = await h.command(`delete ${one?.start_port}`);
    const [message] = await h.slack.waitFor(ack.responseUrl);
    expect(message?.body.text).toBe(`Delete 1 config (1 port)? ${one?.start_port}`);
  });

  it("deletes those configs on Delete, and replaces the prompt with the result", async () => {
    const { a, b, seeded, body } = await prompt();
    const click = await h.click("proxy.delete.confirm", buttonValue(body, "proxy.delete.confirm"));
    expect(click).toMatchObject({ status: 200, text: "" });
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body).toMatchObject({
      replace_original: true,
      text: expect.stringMatching(/^Deleted 2 configs/),
    });
    expect(h.sandbox.configs(API_KEY).map((c) => c.start_port)).toEqual([seeded[2]?.start_port]);
    expect([a, b].every((c) => c !== undefined)).toBe(true);
  });

  it("does nothing twice on a second click (same replica)", async () => {
    const { body } = await prompt();
    const value = buttonValue(body, "proxy.delete.confirm");
    const first = await h.click("proxy.delete.confirm", value);
    await h.slack.waitFor(first.responseUrl);
    const second = await h.click("proxy.delete.confirm", value);
    expect(second.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sandbox.applied.delete).toBe(1);
    expect(h.audits().at(-1)).toMatchObject({
      kind: "action",
      command: "delete.confirm",
      result: "noop",
      detail: "already-handled",
    });
  });

  it("lets another replica handle the click, and a click on each deletes once", async () => {
    const other = await h.replica();
    const { body } = await prompt();
    const value = buttonValue(body, "proxy.delete.confirm");
    const { status, responseUrl } = await clickOn(other, value);
    expect(status).toBe(200);
    const [result] = await h.slack.waitFor(responseUrl);
    expect(result?.body.text).toMatch(/^Deleted 2 configs/);
    // the first replica has not seen this nonce: its state check finds nothing left to delete
    const again = await h.click("proxy.delete.confirm", value);
    const [noop] = await h.slack.waitFor(again.responseUrl);
    expect(noop?.body.text).toMatch(/^Nothing deleted\. Already gone/);
    expect(h.sandbox.applied.delete).toBe(1);
  });

  it("deletes nothing on Cancel", async () => {
    const { body } = await prompt();
    const click = await h.click("proxy.delete.cancel", buttonValue(body, "proxy.delete.cancel"));
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body).toMatchObject({
      replace_original: true,
      text: "Cancelled: nothing was changed.",
    });
    expect(h.sandbox.applied.delete).toBe(0);
  });

  it("refuses a click by someone other than the one asked", async () => {
    const { body } = await prompt();
    const click = await h.click(
      "proxy.delete.confirm",
      buttonValue(body, "proxy.delete.confirm"),
      WHO.groupie,
    );
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body.text).toMatch(/Only the person who asked/);
    expect(h.sandbox.applied.delete).toBe(0);
  });

  it("re-checks permission at the click: a writer removed since the prompt deletes nothing", async () => {
    const { body } = await prompt();
    const revoked = await h.replica({ access: { ...testAccess(), writeUserIds: new Set() } });
    const { responseUrl } = await clickOn(revoked, buttonValue(body, "proxy.delete.confirm"));
    const [result] = await h.slack.waitFor(responseUrl);
    expect(result?.body.text).toMatch(/not on the write allow-list.*Nothing was changed/);
    expect(h.sandbox.applied.delete).toBe(0);
  });

  it("refuses an expired button", async () => {
    const later = await h.replica({ now: () => Date.now() + 11 * 60_000 });
    const { body } = await prompt();
    const value = buttonValue(body, "proxy.delete.confirm");
    const late = Math.floor((Date.now() + 11 * 60_000) / 1000);
    const { responseUrl } = await clickOn(later, value, late);
    const [result] = await h.slack.waitFor(responseUrl);
    expect(result?.body.text).toMatch(/expired: nothing was done/);
    expect(h.sandbox.applied.delete).toBe(0);
  });

  it("refuses a forged button value", async () => {
    const { body } = await prompt();
    const value = buttonValue(body, "proxy.delete.confirm");
    const click = await h.click("proxy.delete.confirm", `${value.slice(0, -4)}AAAA`);
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body.text).toMatch(/not valid: nothing was done/);
    expect(h.sandbox.applied.delete).toBe(0);
  });

  it("keeps a config that changed since the prompt (same start port, other range)", async () => {
    const { a, body } = await prompt();
    // the config is replaced behind the bot's back: deleted, and a smaller one seeded at its start
    h.sandbox.reset();
    h.sandbox.seed(API_KEY, [{ start_port: a?.start_port, quantity: 2, session_type: 1 }]);
    const click = await h.click("proxy.delete.confirm", buttonValue(body, "proxy.delete.confirm"));
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body.text).toMatch(/Changed since the prompt, kept: /);
    expect(h.sandbox.configs(API_KEY)).toHaveLength(1);
  });

  it("tells the user what really happened when the delete's answer is lost", async () => {
    const { body } = await prompt();
    h.sandbox.faults.add({ route: "delete", kind: "reset-after", times: 1 });
    const click = await h.click("proxy.delete.confirm", buttonValue(body, "proxy.delete.confirm"));
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body.text).toMatch(/did not answer; checked: 2 of 2 deleted/);
    expect(h.sandbox.configs(API_KEY)).toHaveLength(1);
  });
});
