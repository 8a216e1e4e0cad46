import type { NineProxyError, Operation } from "./errors.js";

/** Fields every event carries. `path` is the API path only: it never contains the key. */
export interface BaseEvent {
  operation: Operation;
  method: string;
  path: string;
  /** 1 for the first attempt of a call. */
  attempt: number;
}

/** An attempt is about to be sent. */
export type RequestEvent = BaseEvent;

/** An attempt ended: with an HTTP status, or with an error and no status. */
export interface ResponseEvent extends BaseEvent {
  status?: number | undefined;
  durationMs: number;
  /** Set when the attempt failed (already scrubbed of the key). */
  error?: NineProxyError | undefined;
}

/** The call will try again after `delayMs` because of `error`. */
export interface RetryEvent extends BaseEvent {
  status?: number | undefined;
  delayMs: number;
  error: NineProxyError;
}

/** Callbacks for the apps (metrics, tracing). A hook that throws is logged and ignored. */
export interface Hooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
}

/** The part of a pino logger the client uses: `logger.debug({ ...fields }, "msg")`. */
export interface Logger {
  debug(fields: object, msg?: string): void;
  info(fields: object, msg?: string): void;
  warn(fields: object, msg?: string): void;
  error(fields: object, msg?: string): void;
}

/** Sends events to the hooks and the logger; never lets either break a call. */
export class Events {
  /** Whether a request or response event goes anywhere; when not, callers skip building it. */
  readonly enabled: boolean;
  readonly #hooks: Hooks;
  readonly #logger: Logger | undefined;

  constructor(hooks: Hooks | undefined, logger: Logger | undefined) {
    this.#hooks = hooks ?? {};
    this.#logger = logger;
    this.enabled = logger !== undefined || !!hooks?.onRequest || !!hooks?.onResponse;
  }

  /** An attempt starts. */
  request(event: RequestEvent): void {
    if (this.#logger) this.#log("debug", { ...event }, "nineproxy request");
    if (this.#hooks.onRequest) this.#call("onRequest", () => this.#hooks.onRequest?.(event));
  }

  /** An attempt ended. */
  response(event: ResponseEvent): void {
    if (this.#logger) {
      const { error, ...fields } = event;
      this.#log("debug", { ...fields, error: error?.name }, "nineproxy response");
    }
    if (this.#hooks.onResponse) this.#call("onResponse", () => this.#hooks.onResponse?.(event));
  }

  /** A retry is scheduled. */
  retry(event: RetryEvent): void {
    const { error, ...fields } = event;
    this.#log("warn", { ...fields, error: error.name, reason: error.message }, "nineproxy retry");
    this.#call("onRetry", () => this.#hooks.onRetry?.(event));
  }

  #call(hook: keyof Hooks, run: () => void): void {
    try {
      run();
    } catch (thrown) {
      // note: the hook's own error text is the app's; we log only its name so nothing leaks.
      const name = thrown instanceof Error ? thrown.name : typeof thrown;
      this.#log("warn", { hook, error: name }, "nineproxy hook failed");
    }
  }

  #log(level: keyof Logger, fields: object, msg: string): void {
    try {
      this.#logger?.[level](fields, msg);
    } catch {
      // a broken logger must not break the call
    }
  }
}
