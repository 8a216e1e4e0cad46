/**
 * Remembers the prompts (by nonce) already acted on, until they expire, so a second click on
 * this replica does nothing. Across replicas the state check before each write does the same.
 */
export class NonceLedger {
  private readonly used = new Map<string, number>();

  /** Marks a nonce used; returns false when it already was. */
  claim(nonce: string, expSec: number, nowMs: number): boolean {
    this.prune(nowMs);
    if (this.used.has(nonce)) return false;
    this.used.set(nonce, expSec);
    return true;
  }

  private prune(nowMs: number): void {
    const nowSec = Math.floor(nowMs / 1000);
    for (const [nonce, exp] of this.used) if (exp < nowSec) this.used.delete(nonce);
  }
}
