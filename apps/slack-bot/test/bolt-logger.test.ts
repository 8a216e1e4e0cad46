import { describe, expect, it } from "vitest";
import { scrubBoltLine } from "../src/slack/bolt-logger.js";

describe("scrubBoltLine", () => {
  it("removes the secrets it is given", () => {
    expect(scrubBoltLine("Bearer xapp-1-secret-token here", ["xapp-1-secret-token"])).toBe(
      "Bearer [redacted] here",
    );
  });

  it("removes the verification token and response_url of an envelope Bolt quotes", () => {
    const envelope = JSON.stringify({
      envelope_id: "e1",
      payload: { token: "vtok", response_url: "https://hooks.slack.com/commands/T1/2/abc" },
    });
    const out = scrubBoltLine(`Received a message on the WebSocket: ${envelope}`, []);
    expect(out).toBe(
      'Received a message on the WebSocket: {"envelope_id":"e1","payload":' +
        '{"token":"[redacted]","response_url":"[redacted]"}}',
    );
  });

  it("removes them from JSON quoted inside JSON too", () => {
    const inner = JSON.stringify(JSON.stringify({ token: "vtok", response_url: "https://x/y" }));
    expect(scrubBoltLine(inner, [])).not.toMatch(/vtok|https:\/\/x\/y/);
  });

  it("removes the ticket of a Socket Mode URL and keeps the rest", () => {
    expect(
      scrubBoltLine(
        '{"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A1"}',
        [],
      ),
    ).toBe('{"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=[redacted]&app_id=A1"}');
  });
});
