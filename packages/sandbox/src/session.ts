import { SESSION_TYPE, type SessionType } from "@nineproxy/api-types";

/** Minutes a sticky session lasts when a create or update names none (assumed). */
export const DEFAULT_STICKY_MINUTES = 15;

/** The session fields of a config, as the vendor derives them from `session_type`. */
export interface SessionFields {
  is_keep: number;
  is_random_ip: number;
  session_time: string;
}

/**
 * Sticky keeps the IP for `session_time` minutes; rotating picks a new IP per request and has no
 * session time (assumed "0"). `session_time` goes out as a string of minutes (reported).
 */
export function sessionFields(sessionType: SessionType, sessionTime?: number): SessionFields {
  if (sessionType === SESSION_TYPE.sticky) {
    return {
      is_keep: 1,
      is_random_ip: 0,
      session_time: String(sessionTime ?? DEFAULT_STICKY_MINUTES),
    };
  }
  return { is_keep: 0, is_random_ip: 1, session_time: "0" };
}
