import type { Snapshot } from "./read-usage.js";

/** How a read ended, for logs. */
export type ReadOutcome =
  | { ok: true; durationMs: number; snapshot: Snapshot }
  | { ok: false; durationMs: number; error: unknown };

/** Options of a {@link UsageCache}. */
export interface UsageCacheOptions {
  /** How long a successful read is reused, in ms. */
  ttlMs: number;
  /** How long a failed read is reused, in ms; never longer than `ttlMs`. Default `ttlMs`. */
  failureTtlMs?: number;
  /** Clock in ms. Default `Date.now`. */
  clock?: () => number;
  /** Called once after every read. Must not throw (a throw is ignored). */
  onOutcome?: (outcome: ReadOutcome) => void;
}

// note: a scrape waits this much past its budget so that a read aborted at the budget is seen
const SETTLE_MS = 50;
// note: timers take whole ms below 2^31; a longer timer fires at once (Node sets it to 1 ms)
const MAX_BUDGET_MS = 3_600_000;

/**
 * One account's usage, read on demand and shared: at most one upstream read at a time however
 * many scrapes arrive; a success is reused for the TTL, a failure for the (shorter) failure TTL.
 * A failure keeps the last good snapshot. Nothing here throws.
 */
export class UsageCache {
  /** The last good snapshot; undefined until a read succeeds. */
  snapshot: Snapshot | undefined;
  /** Whether the last read of every page succeeded. */
  up = false;
  /** When the last successful read ended (ms since the epoch). */
  lastSuccessMs: number | undefined;
  /** How long the last read took (ms). */
  lastReadDurationMs: number | undefined;
  /** Reads done so far, by outcome. */
  readonly reads = { success: 0, failure: 0 };
  /** Grows by one each time a read ends: what the metrics show may have changed. */
  generation = 0;

  readonly #read: (signal: AbortSignal) => Promise<Snapshot>;
  readonly #ttlMs: number;
  readonly #failureTtlMs: number;
  readonly #clock: () => number;
  readonly #onOutcome: ((outcome: ReadOutcome) => void) | undefined;
  readonly #closed = new AbortController();
  #reusableUntil: number | undefined;
  #inflight: Promise<void> | undefined;

  constructor(read: (signal: AbortSignal) => Promise<Snapshot>, options: UsageCacheOptions) {
    this.#read = read;
    this.#ttlMs = options.ttlMs;
    this.#failureTtlMs = Math.min(options.failureTtlMs ?? options.ttlMs, options.ttlMs);
    this.#clock = options.clock ?? Date.now;
    this.#onOutcome = options.onOutcome;
  }

  /**
   * Reads unless the last outcome is still reusable, joining a read already in flight.
   * A new read is limited to `budgetMs`; the caller waits at most that long, then goes on with
   * whatever the cache holds.
   */
  async refresh(budgetMs: number): Promise<void> {
    if (this.#closed.signal.aborted) return;
    const until = this.#reusableUntil;
    if (until !== undefined && this.#clock() < until) return;

    const budget = Number.isFinite(budgetMs)
      ? Math.min(Math.max(Math.round(budgetMs), 1), MAX_BUDGET_MS)
      : 1;
    this.#inflight ??= this.#readOnce(budget);
    await waitAtMost(this.#inflight, budget + SETTLE_MS);
  }

  /** Cancels a read in flight and refuses new ones. */
  close(): void {
    this.#closed.abort();
  }

  async #readOnce(budgetMs: number): Promise<void> {
    const started = this.#clock();
    let outcome: ReadOutcome;
    try {
      const signal = AbortSignal.any([this.#closed.signal, AbortSignal.timeout(budgetMs)]);
      const snapshot = await this.#read(signal);
      const ended = this.#clock();
      this.snapshot = snapshot;
      this.up = true;
      this.lastSuccessMs = ended;
      this.reads.success += 1;
      outcome = { ok: true, durationMs: ended - started, snapshot };
    } catch (error) {
      // note: a read cancelled by close() is a shutdown, not the vendor failing
      if (this.#closed.signal.aborted) {
        this.#inflight = undefined;
        return;
      }
      this.up = false;
      this.reads.failure += 1;
      outcome = { ok: false, durationMs: this.#clock() - started, error };
    }
    this.lastReadDurationMs = outcome.durationMs;
    this.generation += 1;
    this.#reusableUntil = this.#clock() + (outcome.ok ? this.#ttlMs : this.#failureTtlMs);
    this.#inflight = undefined;
    try {
      this.#onOutcome?.(outcome);
    } catch {
      // a broken logger must not break a scrape
    }
  }
}

/** Resolves when `promise` settles or after `ms`, whichever comes first. Never rejects. */
function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}
