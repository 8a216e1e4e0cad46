import type { Tally, UsageSummary } from "@nineproxy/usage";
import {
  context,
  ephemeral,
  escapeMrkdwn,
  header,
  type SlackMessage,
  sectionsOf,
} from "../slack/message.js";

/** At most this many rows per breakdown; the rest are summed into "others". */
const TOP = 15;

/** The `usage` reply: totals, then ports by country, session mode and server. */
export function usageMessage(summary: UsageSummary): SlackMessage {
  const total = `${summary.allocatedPorts} ports in ${summary.configs} configs`;
  const lines = [
    `*By country*\n${rows(summary.byCountry)}`,
    `*By session mode*\n${rows(summary.bySessionMode)}`,
    `*By server*\n${rows(summary.byServer)}`,
  ];
  const bad = summary.inconsistent;
  const problems = bad.endBeforeStart + bad.overlapping + bad.missingPorts;
  const blocks = [header(`Port usage: ${total}`), ...sectionsOf(lines)];
  if (problems > 0) {
    blocks.push(
      context(
        `⚠ Inconsistent configs: ${bad.endBeforeStart} end before start, ${bad.overlapping} ` +
          `overlapping, ${bad.missingPorts} missing ports (their ports are not counted).`,
      ),
    );
  }
  return ephemeral(`Port usage: ${total}.`, blocks);
}

function rows(tallies: Record<string, Tally>): string {
  const sorted = Object.entries(tallies).sort(
    (a, b) => b[1].ports - a[1].ports || a[0].localeCompare(b[0]),
  );
  if (sorted.length === 0) return "—";
  const shown = sorted
    .slice(0, TOP)
    .map(([key, t]) => `• ${escapeMrkdwn(key)}: ${t.ports} ports (${t.configs} configs)`);
  const rest = sorted.slice(TOP);
  if (rest.length > 0) {
    const ports = rest.reduce((sum, [, t]) => sum + t.ports, 0);
    shown.push(`• ${rest.length} others: ${ports} ports`);
  }
  return shown.join("\n");
}
