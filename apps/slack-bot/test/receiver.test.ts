import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SIGNING_SECRET, startHarness } from "./support/harness.js";
import { commandBody, postToSlackEndpoint, slackSign } from "./support/slack-request.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const now = () => Math.floor(Date.now() / 1000);
const body = () => commandBody("list", h.slack.newUrl());

describe("the /slack/events endpoint", () => {
  it("acknowledges a correctly signed command with 200, then answers on the response_url", async () => {
    const responseUrl = h.slack.newUrl();
    const res = await postToSlackEndpoint(h.bot.url, commandBody("list", responseUrl), {
      secret: SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor(responseUrl);
  });

  it.each([
    ["no signature", { signature: null }],
    ["no timestamp", { timestampHeader: null }],
    ["a signature made with another secret", { secret: "not-the-secret" }],
    ["a garbage signature", { signature: "v0=nope" }],
    ["a timestamp 6 minutes old", { timestamp: now() - 360 }],
    ["a timestamp 6 minutes in the future", { timestamp: now() + 360 }],
  ])("answers 401 to %s, and runs nothing", async (_name, over) => {
    // note: a command of its own, so an earlier test's audit line landing late cannot count here
    const responseUrl = h.slack.newUrl();
    const res = await postToSlackEndpoint(h.bot.url, commandBody("show 4242", responseUrl), {
      secret: SIGNING_SECRET,
      ...over,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    const shows = h.audits().filter((a) => JSON.stringify(a.args).includes("4242"));
    expect(shows).toEqual([]);
    expect(h.slack.messages(responseUrl)).toEqual([]);
  });

  it("answers 401 when the body was changed after signing", async () => {
    const ts = String(now());
    const signed = body();
    const res = await postToSlackEndpoint(h.bot.url, signed.replace("list", "usage"), {
      secret: SIGNING_SECRET,
      signature: slackSign(SIGNING_SECRET, ts, signed),
      timestamp: Number(ts),
    });
    expect(res.status).toBe(401);
  });

  it("refuses a replay of a request it already took (same signature), and runs it once", async () => {
    const responseUrl = h.slack.newUrl();
    const replayed = commandBody("show 4343", responseUrl);
    const timestamp = now();
    const first = await postToSlackEndpoint(h.bot.url, replayed, {
      secret: SIGNING_SECRET,
      timestamp,
    });
    const second = await postToSlackEndpoint(h.bot.url, replayed, {
      secret: SIGNING_SECRET,
      timestamp,
    });
    expect([first.status, second.status]).toEqual([200, 401]);
    await h.slack.waitFor(responseUrl);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.messages(responseUrl)).toHaveLength(1);
    const shows = h.audits().filter((a) => JSON.stringify(a.args).includes("4343"));
    expect(shows).toHaveLength(1);
  });

  it("accepts a signed request 4 minutes old and 4 minutes early (clock skew both ways)", async () => {
    for (const offset of [-240, 240]) {
      const res = await postToSlackEndpoint(h.bot.url, body(), {
        secret: SIGNING_SECRET,
        timestamp: now() + offset,
      });
      expect(res.status).toBe(200);
    }
  });

  it("answers Slack's ssl_check with 200 and an empty body, with no signature needed", async () => {
    const res = await postToSlackEndpoint(h.bot.url, "ssl_check=1&token=x", {
      secret: SIGNING_SECRET,
      signature: null,
    });
    expect(res).toMatchObject({ status: 200, text: "" });
  });

  it("runs nothing smuggled into an unsigned ssl_check", async () => {
    await new Promise((r) => setTimeout(r, 300));
    const before = h.audits().length;
    const smuggled = `ssl_check=1&${commandBody("create 1", h.slack.newUrl())}`;
    const res = await postToSlackEndpoint(h.bot.url, smuggled, {
      secret: SIGNING_SECRET,
      signature: null,
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.audits().slice(before)).toEqual([]);
    expect(h.sandbox.applied.create).toBe(0);
  });

  it("serves /healthz", async () => {
    const res = await fetch(`${h.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("answers 404 off the events path and 405 to a GET on it", async () => {
    expect((await fetch(`${h.bot.url}/nope`)).status).toBe(404);
    expect((await fetch(`${h.bot.url}/slack/events`)).status).toBe(405);
  });

  it("answers 413 to a body over 1 MiB", async () => {
    const res = await postToSlackEndpoint(h.bot.url, `text=${"a".repeat(1024 * 1024 + 10)}`, {
      secret: SIGNING_SECRET,
    });
    expect(res.status).toBe(413);
  });
});
