import { SecretScrubber } from "../redact.js";

/**
 * One line telling an operator why the bot could not start and what to do, never a stack
 * trace and never one of `secrets`.
 */
export function startErrorLine(error: unknown, secrets: readonly string[]): string {
  const e = error as { code?: unknown; address?: unknown; port?: unknown };
  if (e.code === "EADDRINUSE") {
    const where = `${String(e.address)}:${String(e.port)}`;
    return `start error: ${where} is already in use: stop what listens there, or set PORT.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  // note: the message can quote anything (a Bolt API error, a URL), so secrets are cut out
  const text = new SecretScrubber(secrets).scrub(message.split("\n")[0] ?? "").slice(0, 300);
  return `start error: ${text}`;
}
