/** Why an attempt's signal fired. */
export type AbortCause = "caller" | "attempt" | "deadline";

// note: setTimeout fires at once for delays above 2^31-1 ms, so longer limits mean "no timer".
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The callbacks waiting on each caller's signal. A signal gets one listener however many calls
 * share it (a loop of calls, pages in flight, retries waiting), so Node never warns that it has
 * too many listeners.
 */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts; returns what stops it. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  const callbacks = waiting.get(signal) ?? follow(signal);
  callbacks.add(callback);
  return () => void callbacks.delete(callback);
}

/** Puts the one listener on `signal` that calls every callback waiting on it. */
function follow(signal: AbortSignal): Set<() => void> {
  const callbacks = new Set<() => void>();
  waiting.set(signal, callbacks);
  const fire = () => {
    waiting.delete(signal);
    for (const callback of callbacks) callback();
  };
  signal.addEventListener("abort", fire, { once: true });
  return callbacks;
}

/** One attempt's signal: fires on the caller's abort, the attempt's timeout or the deadline. */
export class AttemptSignal {
  readonly signal: AbortSignal;
  #cause: AbortCause | undefined;
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #stopFollowing: (() => void) | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs: number, deadlineLeftMs: number) {
    this.signal = this.#controller.signal;
    if (caller?.aborted) {
      this.#fire("caller");
      return;
    }
    if (caller !== undefined) this.#stopFollowing = onAbort(caller, () => this.#fire("caller"));
    const limit: AbortCause = deadlineLeftMs <= timeoutMs ? "deadline" : "attempt";
    const ms = Math.max(0, Math.min(timeoutMs, deadlineLeftMs));
    if (ms <= MAX_TIMER_MS) this.#timer = setTimeout(() => this.#fire(limit), ms);
  }

  /** Which limit fired, if any. */
  get cause(): AbortCause | undefined {
    return this.#cause;
  }

  /** Stops the timer and stops following the caller's signal; call when the attempt is over. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#stopFollowing?.();
  }

  #fire(cause: AbortCause): void {
    if (this.#cause !== undefined) return;
    this.#cause = cause;
    this.#controller.abort(new DOMException(`aborted: ${cause}`, "AbortError"));
  }
}

/** Waits `ms`; rejects with `"caller"` the moment `signal` aborts (also before it starts). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject("caller");
    const stop = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject("caller");
        })
      : undefined;
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, ms);
  });
}
