import type { Caller } from "../access/policy.js";

/** Who clicked which button, with its value and where to answer. */
export interface Click {
  caller: Caller;
  actionId: string;
  value: unknown;
  responseUrl: unknown;
}

/** Reads who clicked what from a `block_actions` payload, tolerating missing fields. */
export function readClick(body: unknown, action: unknown): Click {
  const b = body as {
    user?: { id?: string; team_id?: string };
    team?: { id?: string } | null;
    channel?: { id?: string };
    container?: { channel_id?: string };
    response_url?: string;
  };
  const a = action as { action_id?: string; value?: unknown };
  return {
    caller: {
      team: b.team?.id ?? b.user?.team_id ?? "",
      user: b.user?.id ?? "",
      channel: b.channel?.id ?? b.container?.channel_id ?? "",
    },
    actionId: a.action_id ?? "",
    value: a.value,
    responseUrl: b.response_url,
  };
}
