import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, type Harness, SIGNING_SECRET, startHarness, WHO } from "./support/harness.js";
import { commandBody, postToSlackEndpoint } from "./support/slack-request.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ pageSize: 5 });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.sandbox.reset();
});

const reply = async (text: string, who = WHO.writer) => {
  const ack = await h.command(text, who);
  expect(ack.status).toBe(200);
  const [message] = await h.slack.waitFor(ack.responseUrl);
  return { ack, message: message?.body ?? {}, json: JSON.stringify(message?.body) };
};

describe("acknowledging", () => {
  it.each([
    "list",
    "usage",
    "show 10000",
    "create 1",
    "update 10000 rotating",
    "delete 10000",
    "help",
  ])(
    "acks `%s` at once, before any call to 9Proxy (API 1.5 s slow), and answers later",
    async (text) => {
      h.sandbox.seed(API_KEY, [{ start_port: 10000, quantity: 1, session_type: 1 }]);
      h.sandbox.faults.add({ route: "*", kind: "latency", ms: 1500 });
      const ack = await h.command(text);
      expect(ack.status).toBe(200);
      expect(ack.ms).toBeLessThan(1000);
      const [message] = await h.slack.waitFor(ack.responseUrl);
      expect(message?.body.text).toEqual(expect.any(String));
    },
  );
});

describe("/proxy list", () => {
  it("acks empty, then posts a page of configs with where to go next", async () => {
    h.sandbox.seed(API_KEY, 12);
    const { ack, message, json } = await reply("list sort start_port asc");
    expect(ack.text).toBe("");
    expect(message.response_type).toBe("ephemeral");
    expect(message.text).toMatch(/page 1 of 3 \(12 in all\)/);
    expect(json).toContain("/proxy list page 2 sort start_port asc");
  });

  it("filters by country across every page", async () => {
    h.sandbox.seed(API_KEY, 40);
    const { message } = await reply("list country=de");
    const de = h.sandbox.configs(API_KEY).filter((c) => c.country_code === "DE").length;
    expect(message.text).toContain(`(${de} in all)`);
  });

  it("says so when there is nothing", async () => {
    const { message } = await reply("list");
    expect(message.text).toBe("No configs.");
  });

  it("keeps a 100-config page within Block Kit limits (the simulator refuses otherwise)", async () => {
    const big = await h.replica({ pageSize: 100 });
    h.sandbox.seed(API_KEY, 150);
    const responseUrl = h.slack.newUrl();
    await postToSlackEndpoint(big.url, commandBody("list", responseUrl), {
      secret: SIGNING_SECRET,
    });
    const [message] = await h.slack.waitFor(responseUrl);
    expect(message?.body.text).toMatch(/page 1 of 2 \(150 in all\)/);
    expect((message?.body.blocks as unknown[] | undefined)?.length).toBeLessThanOrEqual(50);
    expect(h.slack.refusals).toEqual([]);
  });
});

describe("/proxy show", () => {
  it("shows one config in full", async () => {
    const [config] = h.sandbox.seed(API_KEY, [
      { country_code: "US", quantity: 10, session_type: 2 },
    ]);
    const { message, json } = await reply(`show ${config?.start_port}`);
    expect(message.text).toBe(`Config ${config?.start_port}–${config?.end_port}.`);
    expect(json).toContain("sticky");
    expect(json).toContain("*Country:* US");
  });

  it("says when no config starts at the port", async () => {
    const { message } = await reply("show 12345");
    expect(message.text).toMatch(/No config starts at port 12345/);
  });
});

describe("/proxy create", () => {
  it("allocates the range and reports it", async () => {
    const { message } = await reply("create 10 country=us sticky=30m");
    const [config] = h.sandbox.configs(API_KEY);
    expect(config).toMatchObject({ country_code: "US", session_time: "30" });
    expect((config?.end_port ?? 0) - (config?.start_port ?? 0) + 1).toBe(10);
    expect(message.text).toContain(`Created \`${config?.start_port}–${config?.end_port}\``);
  });

  it("works for a member of an allowed user group", async () => {
    await reply("create 1", WHO.groupie);
    expect(h.sandbox.applied.create).toBe(1);
  });

  it("shows the vendor's reason when it refuses", async () => {
    h.sandbox.faults.add({ route: "create", kind: "status", status: 400, times: 1 });
    const { message } = await reply("create 9 country=jp");
    expect(message.text).toMatch(/9Proxy refused the request/);
  });
});

describe("/proxy update", () => {
  it("changes the session and keeps the targeting", async () => {
    const [config] = h.sandbox.seed(API_KEY, [
      { country_code: "DE", city_code: "berlin", quantity: 3, session_type: 1 },
    ]);
    const { message } = await reply(`update ${config?.start_port} sticky=2h`);
    const [after] = h.sandbox.configs(API_KEY);
    expect(after).toMatchObject({
      country_code: "DE",
      city_code: "berlin",
      session_time: "120",
      is_keep: 1,
    });
    expect(message.text).toMatch(/^Updated/);
  });

  it("changes nothing when no config starts at the port", async () => {
    const { message } = await reply("update 12345 rotating");
    expect(message.text).toMatch(/nothing was changed/);
    expect(h.sandbox.applied.update).toBe(0);
  });
});

describe("/proxy usage", () => {
  it("reports ports by country, session mode and server, as the shared summarize counts them", async () => {
    h.sandbox.seed(API_KEY, [
      { country_code: "US", quantity: 10, session_type: 1 },
      { country_code: "US", quantity: 5, session_type: 2 },
      { country_code: "DE", quantity: 1, session_type: 1 },
    ]);
    const { message, json } = await reply("usage");
    expect(message.text).toBe("Port usage: 16 ports in 3 configs.");
    expect(json).toContain("US: 15 ports (2 configs)");
    expect(json).toContain("sticky: 5 ports (1 config)");
  });
});

describe("/proxy help", () => {
  it("shows writers every command", async () => {
    const { json } = await reply("help");
    for (const name of ["list", "show", "create", "update", "delete", "usage"])
      expect(json).toContain(`/proxy ${name}`);
  });

  it("shows readers only what they may run", async () => {
    const { json } = await reply("help", WHO.reader);
    expect(json).toContain("/proxy list");
    expect(json).not.toContain("/proxy create");
    expect(json).not.toContain("/proxy delete");
  });

  it("tells a writer in a channel without writes that the channel is why", async () => {
    const { json } = await reply("help", WHO.otherChannel);
    expect(json).not.toContain("/proxy create");
    expect(json).toContain("Changes are not allowed in this channel (C0RANDOM).");
    const topic = await reply("help delete", WHO.otherChannel);
    expect(topic.message.text).toBe(
      "You may not run `delete` here: Changes are not allowed in this channel (C0RANDOM).",
    );
  });
});

describe("bad input", () => {
  it("answers in the ack itself, naming the token and the usage, and calls nothing", async () => {
    const ack = await h.command("create ten country=US");
    expect(ack.status).toBe(200);
    const body = JSON.parse(ack.text);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("`ten`");
    // the fallback is mrkdwn as well: `<` is escaped there, and Slack shows it as `<`
    expect(body.text).toContain("Usage: /proxy create &lt;quantity&gt;");
    expect(h.slack.messages(ack.responseUrl)).toEqual([]);
  });
});

describe("access control", () => {
  it.each([
    ["a reader", WHO.reader, /not on the write allow-list/],
    ["a writer in another channel", WHO.otherChannel, /not allowed in this channel/],
  ])("refuses a create by %s and allocates nothing", async (_name, who, reason) => {
    const { message } = await reply("create 1", who);
    expect(message.text).toMatch(reason);
    expect(h.sandbox.applied.create).toBe(0);
  });

  it("refuses another workspace even a read, in the ack", async () => {
    const ack = await h.command("list", WHO.otherTeam);
    expect(JSON.parse(ack.text).text).toMatch(/not allowed to use this bot/);
  });
});

describe("audit", () => {
  it("logs one line per command with team, channel, user, command, args, result and duration", async () => {
    const before = h.audits().length;
    await reply("create 2 country=fr");
    await new Promise((r) => setTimeout(r, 50));
    const lines = h.audits().slice(before);
    expect(lines).toEqual([
      {
        kind: "command",
        team: "T0ALLOWED",
        channel: "C0OPS",
        user: "U0WRITER",
        command: "create",
        args: { name: "create", quantity: 2, options: { country: "FR" } },
        result: "ok",
        durationMs: expect.any(Number),
      },
    ]);
  });

  it("records what another workspace asked for, parsed, when it refuses it", async () => {
    const before = h.audits().length;
    await h.command("delete 10000", WHO.otherTeam);
    expect(h.audits().slice(before)).toEqual([
      expect.objectContaining({
        team: "T0STRANGER",
        command: "delete",
        args: { name: "delete", startPorts: [10000] },
        result: "denied",
      }),
    ]);
  });

  it("says when the answer could not be delivered to the response_url", async () => {
    const before = h.audits().length;
    const gone = `${h.slack.url}/commands/T0ALLOWED/not/issued`;
    await postToSlackEndpoint(h.bot.url, commandBody("help", gone), { secret: SIGNING_SECRET });
    await expect
      .poll(() => h.audits().slice(before))
      .toEqual([expect.objectContaining({ command: "help", result: "ok", repliesFailed: 1 })]);
  });
});
