/** Who may do what: deny by default. Reads need an allowed team; writes need more. */
export interface AccessPolicy {
  /** Workspaces (team IDs, `T…`) whose members may read. */
  teamIds: ReadonlySet<string>;
  /** Users (`U…`/`W…`) who may write. */
  writeUserIds: ReadonlySet<string>;
  /** User groups (`S…`) whose members may write. */
  writeUsergroupIds: ReadonlySet<string>;
  /** Channels (`C…`/`G…`/`D…`) where writes are allowed; `"any"` allows every channel. */
  writeChannelIds: ReadonlySet<string> | "any";
}

/** Who is asking, as Slack reports it in the signed request. */
export interface Caller {
  team: string;
  user: string;
  channel: string;
}

/** Lists the members of a user group. */
export type UsergroupMembers = (usergroupId: string) => Promise<readonly string[]>;

/** Outcome of an access check; `reason` is safe to show the caller. */
export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/** Whether the caller may read (list, show, usage, help). */
export function canRead(policy: AccessPolicy, caller: Caller): AccessDecision {
  if (policy.teamIds.has(caller.team)) return { allowed: true };
  return {
    allowed: false,
    reason: `This workspace (${caller.team}) is not allowed to use this bot.`,
  };
}

/**
 * Whether the caller may create, update or delete: allowed team, allowed channel, and the user
 * named or in an allowed group. A failing group lookup denies.
 */
export async function canWrite(
  policy: AccessPolicy,
  caller: Caller,
  members: UsergroupMembers,
): Promise<AccessDecision> {
  const read = canRead(policy, caller);
  if (!read.allowed) return read;
  if (policy.writeChannelIds !== "any" && !policy.writeChannelIds.has(caller.channel)) {
    return {
      allowed: false,
      reason: `Changes are not allowed in this channel (${caller.channel}).`,
    };
  }
  if (policy.writeUserIds.has(caller.user)) return { allowed: true };
  for (const group of policy.writeUsergroupIds) {
    try {
      if ((await members(group)).includes(caller.user)) return { allowed: true };
    } catch {
      return {
        allowed: false,
        reason: "Your group membership could not be checked right now; try again in a minute.",
      };
    }
  }
  return {
    allowed: false,
    reason:
      `You (${caller.user}) are not on the write allow-list. ` +
      "Ask an admin to add your user ID or one of your user groups.",
  };
}

/** Caches user group members for `ttlMs`, so a burst of commands makes one lookup per group. */
export function cachedMembers(
  lookup: UsergroupMembers,
  ttlMs: number,
  now = Date.now,
): UsergroupMembers {
  const cache = new Map<string, { at: number; members: Promise<readonly string[]> }>();
  return (group) => {
    const hit = cache.get(group);
    if (hit && now() - hit.at < ttlMs) return hit.members;
    const members = lookup(group);
    cache.set(group, { at: now(), members });
    members.catch(() => cache.delete(group));
    return members;
  };
}
