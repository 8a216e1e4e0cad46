import { describe, expect, it } from "vitest";
import { ephemeral, escapeMrkdwn, LIMITS, section, sectionsOf } from "../src/slack/message.js";
import { blockKitProblems } from "./support/block-kit.js";

describe("Block Kit helpers", () => {
  it("pack 500 long lines into sections of at most 3,000 characters, never splitting a line", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i} ${"x".repeat(90)}`);
    const blocks = sectionsOf(lines);
    const texts = blocks.map((b) => (b.type === "section" ? b.text.text : ""));
    expect(texts.every((t) => t.length <= LIMITS.sectionText)).toBe(true);
    expect(texts.join("\n").split("\n")).toEqual(lines);
  });

  it("clip a single over-long line to the section limit", () => {
    const [block] = sectionsOf(["y".repeat(5000)]);
    expect(block?.type === "section" && block.text.text.length).toBe(3000);
  });

  it("cut a message to 50 blocks and say so", () => {
    const message = ephemeral(
      "fallback",
      Array.from({ length: 80 }, (_, i) => section(`s${i}`)),
    );
    expect(message.blocks).toHaveLength(50);
    expect(JSON.stringify(message.blocks?.at(-1))).toContain("50-block limit");
    expect(blockKitProblems(message)).toEqual([]);
  });

  it("escape &, < and > so text from the API cannot mention or link", () => {
    expect(escapeMrkdwn("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
  });
});
