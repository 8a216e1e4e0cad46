import { SESSION_TYPE } from "@nineproxy/api-types";

const INTEGERS = ["id", "server_id", "proxy_type", "created_at", "updated_at"] as const;
const FLAGS = ["is_keep", "is_random_ip"] as const;
const CODES = ["country_code", "city_code", "state_code", "isp_code"] as const;

/**
 * Why a seed partial cannot be stored, or undefined. Seeds skip the API's validation, so without
 * this a fractional port or a numeric `session_time` would reach every later answer.
 */
export function seedProblem(seed: unknown): string | undefined {
  if (typeof seed !== "object" || seed === null || Array.isArray(seed)) {
    return "must be an object of Config fields";
  }
  const s = seed as Record<string, unknown>;
  for (const field of INTEGERS) {
    if (s[field] !== undefined && !isInt(s[field], 0)) return `${field} must be an integer ≥ 0`;
  }
  for (const field of FLAGS) {
    const value = s[field];
    if (value !== undefined && value !== 0 && value !== 1) return `${field} must be 0 or 1`;
  }
  for (const field of CODES) {
    const value = s[field];
    if (value !== undefined && value !== null && typeof value !== "string") {
      return `${field} must be a string or null`;
    }
  }
  const { session_type, session_time } = s;
  if (
    session_type !== undefined &&
    session_type !== SESSION_TYPE.rotating &&
    session_type !== SESSION_TYPE.sticky
  ) {
    return "session_type must be 1 (rotating) or 2 (sticky)";
  }
  if (
    session_time !== undefined &&
    !(typeof session_time === "string" && /^\d+$/.test(session_time))
  ) {
    return 'session_time must be a string of whole minutes, e.g. "15"';
  }
  return portsProblem(s);
}

function portsProblem(s: Record<string, unknown>): string | undefined {
  const { start_port, end_port, quantity } = s;
  if (quantity !== undefined && !isInt(quantity, 1)) return "quantity must be an integer ≥ 1";
  if (start_port !== undefined && !isInt(start_port, 1, 65535)) {
    return "start_port must be an integer 1-65535";
  }
  if (end_port === undefined) return undefined;
  if (start_port === undefined) return "end_port needs start_port";
  if (!isInt(end_port, start_port as number, 65535)) {
    return `end_port must be an integer from start_port ${start_port} to 65535`;
  }
  if (quantity !== undefined && end_port !== (start_port as number) + (quantity as number) - 1) {
    return `end_port ${end_port} is not start_port + quantity - 1`;
  }
  return undefined;
}

function isInt(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}
