import { AttemptSignal, sleep } from "./abort.js";
import { backoffDelay } from "./backoff.js";
import {
  type AttemptContext,
  type AttemptFailure,
  classifyResponse,
  classifyThrown,
  invalidResult,
} from "./classify.js";
import { resultProblem } from "./envelope.js";
import {
  AbortedError,
  type NineProxyError,
  type Operation,
  OutcomeUnknownError,
  TimeoutError,
} from "./errors.js";
import type { Events } from "./hooks.js";
import type { CallOptions, ResolvedOptions } from "./options.js";
import type { Redactor } from "./redact.js";
import { isAllocating, verdict } from "./retry.js";
import type { Sent } from "./transport.js";

/** What a call needs from its client. */
export interface CallEnv {
  options: ResolvedOptions;
  events: Events;
  redactor: Redactor;
}

/** One operation, ready to send: `send` makes one attempt with the given signal. */
export interface ApiRequest {
  operation: Operation;
  method: string;
  path: string;
  send(signal: AbortSignal): Promise<Sent>;
}

/**
 * Runs one API call: attempts, the retry policy, backoff or `Retry-After`, time limits and the
 * caller's signal. Resolves with the envelope's `result` (already checked for shape).
 * @see ./retry.ts for which failures are retried
 */
export async function runCall(
  env: CallEnv,
  request: ApiRequest,
  limits: CallOptions,
): Promise<unknown> {
  const { options, events } = env;
  const maxAttempts = limits.maxAttempts ?? options.maxAttempts;
  const timeoutMs = limits.timeoutMs ?? options.timeoutMs;
  const deadlineMs = limits.deadlineMs ?? options.deadlineMs;
  const deadlineAt = performance.now() + deadlineMs;
  const { operation, method, path } = request;

  for (let attempt = 1; ; attempt++) {
    const ctx: AttemptContext = {
      details: { operation, method, path, attempts: attempt },
      redactor: env.redactor,
      clock: options.clock,
      timeoutMs,
      deadlineMs,
    };
    if (limits.signal?.aborted) {
      throw new AbortedError(`${method} ${path} was aborted by the caller before it was sent`, {
        ...ctx.details,
        attempts: attempt - 1,
      });
    }

    const event = { operation, method, path, attempt };
    events.request(event);
    const started = performance.now();
    const outcome = await attemptOnce(request, limits.signal, deadlineAt - started, ctx);
    const durationMs = performance.now() - started;
    if ("result" in outcome) {
      events.response({ ...event, status: outcome.status, durationMs });
      return outcome.result;
    }
    const { error, failure, retryAfterMs } = outcome;
    events.response({ ...event, status: error.status, durationMs, error });

    const next = verdict(operation, failure);
    if (next === "outcome-unknown" || (isDeadline(error) && isAllocating(operation))) {
      throw outcomeUnknown(error);
    }
    if (next === "fail" || attempt >= maxAttempts) throw error;
    if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) throw error;

    const delayMs = retryAfterMs ?? backoffDelay(attempt, options.backoff, options.random);
    if (performance.now() + delayMs >= deadlineAt) throw error;
    events.retry({ ...event, status: error.status, delayMs, error });
    try {
      await sleep(delayMs, limits.signal);
    } catch {
      throw new AbortedError(`${method} ${path} was aborted by the caller while waiting to retry`, {
        ...ctx.details,
        cause: error,
      });
    }
  }
}

async function attemptOnce(
  request: ApiRequest,
  caller: AbortSignal | undefined,
  deadlineLeftMs: number,
  ctx: AttemptContext,
): Promise<AttemptFailure | { result: unknown; status: number }> {
  const limit = new AttemptSignal(caller, ctx.timeoutMs, deadlineLeftMs);
  try {
    const { response, body } = await request.send(limit.signal);
    const outcome = classifyResponse(response, body, ctx);
    if (!("result" in outcome)) return outcome;
    const problem = resultProblem(ctx.details.operation, outcome.result);
    if (problem !== undefined) return invalidResult(problem, outcome.result, ctx);
    return { result: outcome.result, status: response.status };
  } catch (thrown) {
    return classifyThrown(thrown, limit.cause, ctx);
  } finally {
    limit.dispose();
  }
}

function isDeadline(error: NineProxyError): boolean {
  return error instanceof TimeoutError && error.limit === "deadline";
}

function outcomeUnknown(error: NineProxyError): OutcomeUnknownError {
  const { operation, method, path, attempts, status } = error;
  return new OutcomeUnknownError(
    `${method} ${path}: the ${operation} may or may not have been applied (${error.message}). It was not retried, to avoid applying it twice: list the configs to check before sending it again`,
    { operation, method, path, attempts, status, cause: error },
  );
}
