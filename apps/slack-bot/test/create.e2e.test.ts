import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, buttonValue, type Harness, startHarness, WHO } from "./support/harness.js";

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

let n = 0;
/** A create that no earlier test made, so the duplicate guard starts fresh. */
const fresh = () => `create ${++n} country=us`;

const run = async (text: string, who = WHO.writer) => {
  const ack = await h.command(text, who);
  const [message] = await h.slack.waitFor(ack.responseUrl);
  return message?.body ?? {};
};

describe("duplicate-create guard", () => {
  it("asks before allocating the same create again within the window", async () => {
    const text = fresh();
    await run(text);
    const second = await run(text);
    expect(second.text).toMatch(/You asked for the same `create \d+ ports?` \d+ s ago/);
    expect(h.sandbox.applied.create).toBe(1);
  });

  it("allocates again when the user confirms, once", async () => {
    const text = fresh();
    await run(text);
    const prompt = await run(text);
    const value = buttonValue(prompt, "proxy.create.confirm");
    const click = await h.click("proxy.create.confirm", value);
    const [result] = await h.slack.waitFor(click.responseUrl);
    expect(result?.body).toMatchObject({
      replace_original: true,
      text: expect.stringMatching(/^Created/),
    });
    await h.click("proxy.create.confirm", value);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sandbox.applied.create).toBe(2);
  });

  it("does not count a create that 9Proxy refused", async () => {
    const text = fresh();
    h.sandbox.faults.add({ route: "create", kind: "status", status: 400, times: 1 });
    expect((await run(text)).text).toMatch(/9Proxy refused the request/);
    expect((await run(text)).text).toMatch(/^Created/);
  });

  it("does not hold back a different create, or the same create by someone else", async () => {
    const text = fresh();
    await run(text);
    await run(`${text} sticky`);
    await run(text, WHO.groupie);
    expect(h.sandbox.applied.create).toBe(3);
  });
});

describe("a create whose outcome is unknown", () => {
  it("says it was created when listing finds it", async () => {
    h.sandbox.faults.add({ route: "create", kind: "reset-after", times: 1 });
    const reply = await run(fresh());
    const [config] = h.sandbox.configs(API_KEY);
    expect(reply.text).toContain(
      `did not answer, but the config was created:\n\`${config?.start_port}–`,
    );
    expect(h.sandbox.applied.create).toBe(1);
  });

  it("says nothing was created when listing finds nothing", async () => {
    h.sandbox.faults.add({ route: "create", kind: "reset-before", times: 1 });
    const reply = await run(fresh());
    expect(reply.text).toMatch(/no new config appeared: nothing was created\. It is safe/);
    expect(h.sandbox.configs(API_KEY)).toEqual([]);
    expect(h.audits().at(-1)).toMatchObject({ result: "unknown-outcome", detail: "found-0" });
  });
});
