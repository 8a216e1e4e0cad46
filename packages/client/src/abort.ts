/** Why an attempt's signal fired. */
export type AbortCause = "caller" | "attempt" | "deadline";

// note: setTimeout fires at once for delays above 2^31-1 ms, so longer limits mean "no timer".
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One attempt's signal: fires on the caller's abort, the attempt's timeout or the deadline. */
export class AttemptSignal {
  readonly signal: AbortSignal;
  #cause: AbortCause | undefined;
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #caller: AbortSignal | undefined;
  // note: built only when there is a caller's signal to listen to; one timer, no AbortSignal.any
  readonly #onCallerAbort: (() => void) | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs: number, deadlineLeftMs: number) {
    this.signal = this.#controller.signal;
    if (caller?.aborted) {
      this.#fire("caller");
      return;
    }
    if (caller !== undefined) {
      this.#caller = caller;
      this.#onCallerAbort = () => this.#fire("caller");
      caller.addEventListener("abort", this.#onCallerAbort, { once: true });
    }
    const limit: AbortCause = deadlineLeftMs <= timeoutMs ? "deadline" : "attempt";
    const ms = Math.max(0, Math.min(timeoutMs, deadlineLeftMs));
    if (ms <= MAX_TIMER_MS) this.#timer = setTimeout(() => this.#fire(limit), ms);
  }

  /** Which limit fired, if any. */
  get cause(): AbortCause | undefined {
    return this.#cause;
  }

  /** Stops the timer and the listener; call when the attempt is over. */
  dispose(): void {
    clearTimeout(this.#timer);
    if (this.#onCallerAbort) this.#caller?.removeEventListener("abort", this.#onCallerAbort);
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
    const onAbort = () => {
      clearTimeout(timer);
      reject("caller");
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
