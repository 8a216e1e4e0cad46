import { Redactor } from "@nineproxy/client";

/**
 * Scrubs every account's key, and any `api-key=` value, from a text bound for a log or a page:
 * one client `Redactor` per key, applied in turn.
 */
export function keyScrubber(keys: readonly string[]): (text: string) => string {
  // note: longest key first, so a key that contains another is not cut in two and left half shown
  const redactors = [...new Set(keys)]
    .sort((a, b) => b.length - a.length)
    .map((key) => new Redactor(key));
  return (text) => redactors.reduce((out, redactor) => redactor.scrub(out), text);
}
