/**
 * Remembers the signatures of requests already taken while their timestamp is inside the
 * window, so a captured request sent again is refused. Slack never resends a slash command or
 * a click with the same signature (this app subscribes to no events, which Slack retries).
 * Per replica, in memory: another replica can still take one replay.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowSeconds: number) {}

  /** Records a signature; false when it was already taken and is still inside the window. */
  claim(signature: string, timestampSec: number, nowMs: number): boolean {
    const nowSec = Math.floor(nowMs / 1000);
    // note: entries arrive nearly in timestamp order, so dropping from the front keeps it small
    for (const [seen, until] of this.seen) {
      if (until >= nowSec) break;
      this.seen.delete(seen);
    }
    const key = signature.toLowerCase();
    const until = this.seen.get(key);
    if (until !== undefined && until >= nowSec) return false;
    this.seen.set(key, timestampSec + this.windowSeconds);
    return true;
  }
}
