/** Remembers recent creates per user and arguments, to ask before allocating the same again. */
export class RecentCreates {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** When the same create was last started (ms), if within the window. */
  lastWithin(key: string, nowMs: number): number | undefined {
    const at = this.seen.get(key);
    return at !== undefined && nowMs - at < this.windowMs ? at : undefined;
  }

  /** Forgets a create that provably allocated nothing. */
  forget(key: string): void {
    this.seen.delete(key);
  }

  /** Records a create as started now. */
  record(key: string, nowMs: number): void {
    for (const [k, at] of this.seen) if (nowMs - at >= this.windowMs) this.seen.delete(k);
    this.seen.set(key, nowMs);
  }
}
