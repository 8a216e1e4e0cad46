import type { Tally, UsageSummary } from "@nineproxy/usage";
import {
  context,
  ephemeral,
  escapeMrkdwn,
  header,
  type SlackMessage,
  sectionsOf,
} from "../slack/message.js";
import { plural } from "./plural.js";

/** At most this many rows per breakdown; the rest are summed into "others". */
const TOP = 15;

/** The `usage` reply: totals, then ports by country, session mode and server. */
export function usageMessage(summary: UsageSummary): SlackMessage {
  const total = `${plural(summary.allocatedPorts, "port")} in ${plural(summary.configs, "config")}`;
  const lines = [
    `*By country*\n${rows(summary.byCountry)}`,
    `*By session mode*\n${rows(summary.bySessionMode)}`,
    `*By server*\n${rows(summary.byServer)}`,
  ];
  const blocks = [header(`Port usage: ${total}`), ...sectionsOf(lines)];
  const note = inconsistentNote(summary.inconsistent);
  if (note) blocks.push(context(note));
  return ephemeral(`Port usage: ${total}.`, blocks);
}

/**
 * Says exactly how `summarize` counted the inconsistent configs: those with end before start or
 * missing ports add no ports, overlapping ones are summed in full (shared ports count twice).
 */
function inconsistentNote(bad: UsageSummary["inconsistent"]): string | undefined {
  const uncounted = [
    ...(bad.endBeforeStart > 0 ? [`${bad.endBeforeStart} with end before start`] : []),
    ...(bad.missingPorts > 0 ? [`${bad.missingPorts} with missing ports`] : []),
  ];
  const parts = [
    ...(uncounted.length > 0 ? [`${uncounted.join(" and ")} add no ports`] : []),
    ...(bad.overlapping > 0
      ? [
          `${bad.overlapping} overlapping ${bad.overlapping === 1 ? "is" : "are"} counted in ` +
            "full, so ports they share count more than once",
        ]
      : []),
  ];
  return parts.length > 0 ? `⚠ Inconsistent configs: ${parts.join("; ")}.` : undefined;
}

function rows(tallies: Record<string, Tally>): string {
  const sorted = Object.entries(tallies).sort(
    (a, b) => b[1].ports - a[1].ports || a[0].localeCompare(b[0]),
  );
  if (sorted.length === 0) return "—";
  const shown = sorted
    .slice(0, TOP)
    .map(
      ([key, t]) =>
        `• ${escapeMrkdwn(key)}: ${plural(t.ports, "port")} (${plural(t.configs, "config")})`,
    );
  const rest = sorted.slice(TOP);
  if (rest.length > 0) {
    const ports = rest.reduce((sum, [, t]) => sum + t.ports, 0);
    shown.push(`• ${rest.length} others: ${plural(ports, "port")}`);
  }
  return shown.join("\n");
}
