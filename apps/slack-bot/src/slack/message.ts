/** Block Kit limits that shape every message the bot sends. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fallbackText: 40_000,
} as const;

/** A Block Kit text object. */
export interface TextObject {
  type: "mrkdwn" | "plain_text";
  text: string;
  emoji?: boolean;
}

/** A button element. */
export interface Button {
  type: "button";
  action_id: string;
  text: TextObject;
  value?: string;
  style?: "primary" | "danger";
}

/** The blocks the bot uses. */
export type Block =
  | { type: "header"; text: TextObject }
  | { type: "section"; text: TextObject }
  | { type: "context"; elements: TextObject[] }
  | { type: "divider" }
  | { type: "actions"; block_id?: string; elements: Button[] };

/** A message posted to a `response_url` (or returned in an ack). */
export interface SlackMessage {
  response_type?: "ephemeral" | "in_channel";
  replace_original?: boolean;
  delete_original?: boolean;
  /** Fallback text: notifications and clients without blocks show it. Always set. */
  text: string;
  blocks?: Block[];
}

/** Escapes `&`, `<` and `>` so untrusted text cannot form links or mentions in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts text to `max` characters, ending with `…` when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A mrkdwn section, clipped to the section limit. */
export function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: clip(text, LIMITS.sectionText) } };
}

/** A header, clipped to the header limit. */
export function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: clip(text, LIMITS.headerText) } };
}

/** A context line in mrkdwn. */
export function context(text: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(text, LIMITS.sectionText) }] };
}

/** Packs lines into as few sections as fit the per-section limit (a line never splits). */
export function sectionsOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current = "";
  for (const line of lines) {
    const piece = clip(line, LIMITS.sectionText);
    if (current !== "" && current.length + 1 + piece.length > LIMITS.sectionText) {
      blocks.push(section(current));
      current = "";
    }
    current = current === "" ? piece : `${current}\n${piece}`;
  }
  if (current !== "") blocks.push(section(current));
  return blocks;
}

/**
 * An ephemeral message with fallback text and optional blocks, kept within the block limit;
 * `replaceOriginal` replaces the message a clicked button was on.
 */
export function ephemeral(text: string, blocks?: Block[], replaceOriginal = false): SlackMessage {
  const message: SlackMessage = {
    response_type: "ephemeral",
    text: clip(text, LIMITS.fallbackText),
  };
  if (replaceOriginal) message.replace_original = true;
  if (blocks && blocks.length > 0) {
    if (blocks.length > LIMITS.blocks) {
      message.blocks = [
        ...blocks.slice(0, LIMITS.blocks - 1),
        context("…cut to fit Slack's 50-block limit."),
      ];
    } else {
      message.blocks = blocks;
    }
  }
  return message;
}
