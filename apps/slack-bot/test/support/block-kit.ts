/**
 * Slack's published Block Kit limits, checked independently of src/: a message that breaks one
 * is refused by the simulated response_url, as Slack refuses it with `invalid_blocks`.
 */
export function blockKitProblems(message: unknown): string[] {
  const problems: string[] = [];
  const m = message as { text?: unknown; blocks?: unknown };
  if (typeof m.text !== "string" || m.text.trim() === "") problems.push("no fallback text");
  else if (m.text.length > 40_000) problems.push("text over 40,000 characters");
  if (m.blocks === undefined) return problems;
  if (!Array.isArray(m.blocks)) return [...problems, "blocks is not an array"];
  if (m.blocks.length > 50) problems.push(`${m.blocks.length} blocks (max 50)`);
  for (const [i, block] of (m.blocks as Record<string, unknown>[]).entries()) {
    const text = block.text as { type?: string; text?: string } | undefined;
    switch (block.type) {
      case "section":
        if (!text?.text || text.text.length > 3000) problems.push(`section ${i}: text 1..3000`);
        break;
      case "header":
        if (text?.type !== "plain_text" || !text.text || text.text.length > 150) {
          problems.push(`header ${i}: plain_text 1..150`);
        }
        break;
      case "context": {
        const elements = block.elements as { text?: string }[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) {
          problems.push(`context ${i}: 1..10 elements`);
        }
        for (const e of elements ?? []) {
          if (!e.text || e.text.length > 3000) problems.push(`context ${i}: element text 1..3000`);
        }
        break;
      }
      case "actions": {
        const elements = block.elements as {
          text?: { text?: string };
          value?: string;
          action_id?: string;
        }[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) {
          problems.push(`actions ${i}: 1..25 elements`);
        }
        for (const e of elements ?? []) {
          if (!e.text?.text || e.text.text.length > 75) problems.push(`button ${i}: text 1..75`);
          if (e.value !== undefined && e.value.length > 2000)
            problems.push(`button ${i}: value > 2000`);
          if (!e.action_id || e.action_id.length > 255)
            problems.push(`button ${i}: action_id 1..255`);
        }
        break;
      }
      case "divider":
        break;
      default:
        problems.push(`block ${i}: unknown type ${String(block.type)}`);
    }
  }
  return problems;
}
