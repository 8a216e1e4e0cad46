import { SettingError } from "./setting-error.js";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** Parses a Prometheus-style duration ("500ms", "60s", "1m30s", "2h") into milliseconds. */
export function parseDuration(setting: string, value: string): number {
  const text = value.trim();
  if (!DURATION.test(text)) {
    throw new SettingError(
      `${setting} "${value}" is not a duration: use a number with a unit, e.g. 500ms, 60s, 1m30s`,
    );
  }
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    ms += Number(amount) * (UNIT_MS[unit ?? "s"] ?? 1000);
  }
  return Math.round(ms);
}

/** Formats milliseconds as the flags take them ("24h", "60s", "500ms"), for messages. */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
