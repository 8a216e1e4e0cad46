import { ENV_ONLY, FLAGS } from "./flags.js";

/** The text of `--help`. */
export function helpText(version: string): string {
  const lines = [
    `usage: nineproxy-exporter [<flags>]`,
    "",
    `Prometheus exporter of 9Proxy port usage (version ${version}).`,
    "Reads the Proxy Connect Config API on scrape, through a shared cache.",
    "",
    "Flags (each also read from the environment variable shown):",
  ];
  for (const flag of FLAGS) {
    const form = flag.boolean ? `--[no-]${flag.name}` : `--${flag.name}=<value>`;
    const fallback = flag.default === undefined ? "" : ` (default: ${flag.default})`;
    lines.push(`  ${form}`, `      ${flag.help}${fallback} [$${flag.env}]`);
  }
  lines.push("  -h, --help", "      Show this help.", "  --version", "      Show the version.");
  lines.push("", "Environment only:");
  for (const { env, help } of ENV_ONLY) lines.push(`  ${env}`, `      ${help}`);
  return `${lines.join("\n")}\n`;
}
