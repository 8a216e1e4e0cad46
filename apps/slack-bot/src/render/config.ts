import type { Config } from "@nineproxy/api-types";
import { portCount, sessionMode } from "@nineproxy/usage";
import { escapeMrkdwn } from "../slack/message.js";

/** `10000–10009`, or what is known of a range with missing ends. */
export function rangeText(config: Config): string {
  const start = config.start_port ?? "?";
  const end = config.end_port ?? "?";
  return start === end ? `${start}` : `${start}–${end}`;
}

/** `sticky 30 min`, `rotating` or `session unknown`. */
export function sessionText(config: Config): string {
  const mode = sessionMode(config);
  if (mode === "sticky") {
    const minutes = config.session_time ? ` ${escapeMrkdwn(String(config.session_time))} min` : "";
    return `sticky${minutes}`;
  }
  return mode === "rotating" ? "rotating" : "session unknown";
}

/** `US › CA › la › isp comcast`, or `any location`. */
export function targetText(config: Config): string {
  const parts = [config.country_code, config.state_code, config.city_code]
    .filter((p): p is string => typeof p === "string" && p !== "")
    .map(escapeMrkdwn);
  if (config.isp_code) parts.push(`isp ${escapeMrkdwn(config.isp_code)}`);
  return parts.length > 0 ? parts.join(" › ") : "any location";
}

/** One compact line per config, for lists and prompts. */
export function configLine(config: Config): string {
  const ports = portCount(config);
  const count =
    ports === undefined ? "ports inconsistent" : `${ports} port${ports === 1 ? "" : "s"}`;
  return `\`${rangeText(config)}\` · ${count} · ${targetText(config)} · ${sessionText(config)}`;
}

/** Every field of a config, one per line, for `show`. */
export function configDetail(config: Config): string[] {
  const when = (s: number | undefined) =>
    s === undefined ? "—" : new Date(s * 1000).toISOString();
  const text = (v: string | null | undefined) => (v ? escapeMrkdwn(v) : "—");
  const ports = portCount(config);
  return [
    `*Ports:* \`${rangeText(config)}\` (${ports === undefined ? "inconsistent" : ports})`,
    `*Session:* ${sessionText(config)}`,
    `*Country:* ${text(config.country_code)}   *State:* ${text(config.state_code)}   ` +
      `*City:* ${text(config.city_code)}   *ISP:* ${text(config.isp_code)}`,
    `*Proxy type:* ${config.proxy_type ?? "—"}   *Server:* ${config.server_id ?? "—"}   ` +
      `*ID:* ${config.id ?? "—"}`,
    `*Created:* ${when(config.created_at)}   *Updated:* ${when(config.updated_at)}`,
  ];
}
