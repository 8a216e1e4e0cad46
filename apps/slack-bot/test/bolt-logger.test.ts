import { describe, expect, it } from "vitest";
import { SecretScrubber } from "../src/redact.js";
import { scrubBoltLine } from "../src/slack/bolt-logger.js";

const NONE = new SecretScrubber([]);

describe("scrubBoltLine", () => {
  it("removes the secrets it is given", () => {
    expect(
      scrubBoltLine("Bearer xapp-1-secret-token here", new SecretScrubber(["xapp-1-secret-token"])),
    ).toBe("Bearer [REDACTED] here");
  });

  it("removes the verification token and response_url of an envelope Bolt quotes", () => {
    const envelope = JSON.stringify({
      envelope_id: "e1",
      payload: { token: "vtok", response_url: "https://hooks.slack.com/commands/T1/2/abc" },
    });
    const out = scrubBoltLine(`Received a message on the WebSocket: ${envelope}`, NONE);
    expect(out).toBe(
      'Received a message on the WebSocket: {"envelope_id":"e1","payload":' +
        '{"token":"[REDACTED]","response_url":"[REDACTED]"}}',
    );
  });

  it("removes them from JSON quoted inside JSON too", () => {
    const inner = JSON.stringify(JSON.stringify({ token: "vtok", response_url: "https://x/y" }));
    expect(scrubBoltLine(inner, NONE)).not.toMatch(/vtok|https:\/\/x\/y/);
  });

  it("removes the ticket of a Socket Mode URL and keeps the rest", () => {
    expect(
      scrubBoltLine(
        '{"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A1"}',
        NONE,
      ),
    ).toBe('{"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=[REDACTED]&app_id=A1"}');
  });
});
