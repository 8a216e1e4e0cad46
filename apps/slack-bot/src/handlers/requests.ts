import type { Config, CreateConfigRequest, UpdateConfigRequest } from "@nineproxy/api-types";
import { SESSION_TYPE } from "@nineproxy/api-types";
import { sessionMode } from "@nineproxy/usage";
import type { Command } from "../command/types.js";

/** The create body for a parsed `create`. With no session given, the config rotates. */
export function toCreateRequest(
  command: Extract<Command, { name: "create" }>,
): CreateConfigRequest {
  const { options } = command;
  const session = options.session ?? { mode: "rotating" };
  const body: CreateConfigRequest = {
    quantity: command.quantity,
    session_type: SESSION_TYPE[session.mode],
  };
  if (session.mode === "sticky" && session.minutes !== undefined)
    body.session_time = session.minutes;
  if (options.proxyType !== undefined) body.proxy_type = options.proxyType;
  if (options.country) body.country_code = options.country;
  if (options.state) body.state_code = options.state;
  if (options.city) body.city_code = options.city;
  if (options.isp) body.isp_code = options.isp;
  return body;
}

/**
 * The update body for a parsed `update`, on top of the config as it is now: fields not given
 * keep their current value, since the vendor requires `session_type` and does not say whether
 * an absent code is cleared (assumed: it may be).
 */
export function toUpdateRequest(
  command: Extract<Command, { name: "update" }>,
  current: Config,
): UpdateConfigRequest | undefined {
  const { options } = command;
  const mode = options.session?.mode ?? sessionMode(current);
  if (mode === "unknown") return undefined;
  const body: UpdateConfigRequest = {
    start_port: command.startPort,
    session_type: SESSION_TYPE[mode],
  };
  if (mode === "sticky") {
    const given = options.session?.mode === "sticky" ? options.session.minutes : undefined;
    const kept = Number(current.session_time);
    if (given !== undefined) body.session_time = given;
    else if (Number.isInteger(kept) && kept > 0) body.session_time = kept;
  }
  const country = options.country ?? current.country_code;
  const state = options.state ?? current.state_code;
  const city = options.city ?? current.city_code;
  const isp = options.isp ?? current.isp_code;
  if (country) body.country_code = country;
  if (state) body.state_code = state;
  if (city) body.city_code = city;
  if (isp) body.isp_code = isp;
  return body;
}
