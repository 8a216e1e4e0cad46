import type { IncomingMessage } from "node:http";

/** Largest request body the sandbox reads (1 MiB); a longer one is refused with 400. */
export const MAX_BODY_BYTES = 1 << 20;

/** The request body as text, or undefined when it is longer than `MAX_BODY_BYTES`. */
export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // note: an oversized body is drained, not cut off, so that the 400 can still be answered
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8");
}

/** Why a body could not be read as JSON, or its value. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; error: string };

/** Parses a write's body; an empty, oversized or malformed body is one error message. */
export function parseJsonBody(text: string | undefined): JsonBody {
  if (text === undefined) return { ok: false, error: "body must be at most 1 MiB" };
  if (text.trim() === "") return { ok: false, error: "body must be a JSON object" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: "body is not valid JSON" };
  }
}
