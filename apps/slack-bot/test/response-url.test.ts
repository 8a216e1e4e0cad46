import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ephemeral } from "../src/slack/message.js";
import { createResponder } from "../src/slack/response-url.js";
import { type ResponseUrlServer, startResponseUrlServer } from "./support/response-url-server.js";

let clock = Date.now();
let slack: ResponseUrlServer;
beforeAll(async () => {
  slack = await startResponseUrlServer(() => clock);
});
afterAll(async () => {
  await slack.close();
});

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the simulated response_url (as Slack enforces it)", () => {
  it("takes 5 posts and refuses the 6th with used_url", async () => {
    const url = slack.newUrl();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(url, { text: `m${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(slack.refusals.at(-1)).toMatchObject({ status: 404, reason: "used_url" });
  });

  it("refuses a post more than 30 minutes after the URL was issued", async () => {
    const url = slack.newUrl();
    clock += 30 * 60_000 + 1;
    expect((await post(url, { text: "late" })).status).toBe(404);
    expect(slack.refusals.at(-1)?.reason).toBe("expired_url");
  });

  it.each([
    ["no fallback text", { blocks: [] }],
    ["51 blocks", { text: "t", blocks: Array.from({ length: 51 }, () => ({ type: "divider" })) }],
    [
      "a 3,001-character section",
      {
        text: "t",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }],
      },
    ],
    [
      "a 151-character header",
      {
        text: "t",
        blocks: [{ type: "header", text: { type: "plain_text", text: "x".repeat(151) } }],
      },
    ],
  ])("refuses a message with %s as invalid_blocks", async (_name, body) => {
    expect((await post(slack.newUrl(), body)).status).toBe(400);
    expect(slack.refusals.at(-1)?.reason).toMatch(/^invalid_blocks/);
  });
});

describe("createResponder", () => {
  const options = {
    allowedPrefixes: [] as string[],
    logger: pino({ level: "silent" }),
    scrub: <T>(m: T) => m,
  };

  it("posts at most 5 times to one response_url, and says so when it stops", async () => {
    const url = slack.newUrl();
    const responder = createResponder(url, { ...options, allowedPrefixes: [slack.url] });
    const sent = [];
    for (let i = 0; i < 7; i++) sent.push(await responder.send(ephemeral(`m${i}`)));
    expect(sent).toEqual([true, true, true, true, true, false, false]);
    expect(slack.messages(url)).toHaveLength(5);
  });

  it("never posts to a URL outside the allowed prefixes", async () => {
    let called = false;
    const responder = createResponder("http://127.0.0.2:9/steal", {
      ...options,
      allowedPrefixes: ["https://hooks.slack.com/"],
      fetch: (async () => {
        called = true;
        return new Response("ok");
      }) as typeof fetch,
    });
    expect(await responder.send(ephemeral("x"))).toBe(false);
    expect(called).toBe(false);
  });

  it("applies the scrubber to what it sends", async () => {
    const url = slack.newUrl();
    const responder = createResponder(url, {
      ...options,
      allowedPrefixes: [slack.url],
      scrub: (m) => ({ ...m, text: m.text.replace("s3cr3t", "[redacted]") }),
    });
    await responder.send(ephemeral("key s3cr3t"));
    expect(slack.messages(url)[0]?.body.text).toBe("key [redacted]");
  });
});
