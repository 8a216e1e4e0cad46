/** Largest sticky session accepted, in minutes (24 h). */
export const MAX_SESSION_MINUTES = 1440;

/**
 * Parses a sticky-session duration into whole minutes: `30`, `30m`, `30min`, `2h`, `1h30m`.
 * Returns undefined when the text is not a duration or is out of 1..MAX_SESSION_MINUTES.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d{1,4})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,5})\s*(?:m|mins?|minutes?)?)?$/i.exec(
    text.trim(),
  );
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_SESSION_MINUTES) return undefined;
  return minutes;
}
