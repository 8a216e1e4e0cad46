import type { Operation } from "./errors.js";

// note: String.prototype.isWellFormed is in Node 20 but not in the ES2023 lib
const isWellFormed = (text: string) =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Checks that a call's input can be sent, so that a request that cannot even be built fails at
 * once with a `TypeError`, is not retried, and is never taken for one that may have been applied:
 * a body must serialize to JSON, and query values must be well-formed text (a lone surrogate
 * cannot be URL-encoded). `scrub` takes the key out of what the message quotes.
 */
export function checkInput(
  operation: Operation,
  input: unknown,
  scrub: (text: string) => string,
): void {
  if (operation === "list") {
    const query = input as Record<string, unknown>;
    for (const name in query) {
      if (hasLoneSurrogate(query[name], 0)) {
        throw new TypeError(
          `list query field ${name} holds a lone surrogate, which cannot be URL-encoded: ` +
            "fix the text; nothing was sent",
        );
      }
    }
    return;
  }
  try {
    JSON.stringify(input);
  } catch (error) {
    const why = scrub(error instanceof Error ? error.message : String(error));
    throw new TypeError(
      `the ${operation} body cannot be written as JSON (${why}): fix the body; nothing was sent`,
    );
  }
}

/** Whether a query value (a string, or arrays and objects of them) holds a lone surrogate. */
function hasLoneSurrogate(value: unknown, depth: number): boolean {
  if (typeof value === "string") return !isWellFormed(value);
  if (typeof value !== "object" || value === null || depth > 4) return false;
  for (const inner of Object.values(value)) {
    if (hasLoneSurrogate(inner, depth + 1)) return true;
  }
  return false;
}
