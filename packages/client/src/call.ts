import { PATHS } from "@nineproxy/api-types";
import { AttemptSignal, sleep } from "./abort.js";
import { backoffDelay } from "./backoff.js";
import {
  type AttemptContext,
  type AttemptFailure,
  classifyResponse,
  classifyThrown,
  invalidResult,
} from "./classify.js";
import { readEnvelope, resultProblem } from "./envelope.js";
import {
  AbortedError,
  type NineProxyError,
  type Operation,
  OutcomeUnknownError,
  TimeoutError,
} from "./errors.js";
import type { Events } from "./hooks.js";
import { checkInput } from "./input.js";
import { type CallOptions, checkCallOptions, type ResolvedOptions } from "./options.js";
import type { Redactor } from "./redact.js";
import { isAllocating, verdict } from "./retry.js";
import type { Send } from "./send.js";

/** What a call needs from its client. */
export interface CallEnv {
  options: ResolvedOptions;
  events: Events;
  redactor: Redactor;
  send: Send;
}

/** The HTTP method of each operation. */
const METHODS: Readonly<Record<Operation, string>> = {
  list: "GET",
  create: "POST",
  update: "PUT",
  delete: "DELETE",
};

/** One call in progress: what its failures are described with. */
interface CallState {
  operation: Operation;
  method: string;
  path: string;
  timeoutMs: number;
  deadlineMs: number;
  attempt: number;
}

const NO_LIMITS: CallOptions = {};

/**
 * Runs one API call: attempts, the retry policy, backoff or `Retry-After`, time limits and the
 * caller's signal. Resolves with the envelope's `result` (already checked for shape).
 * @see ./retry.ts for which failures are retried
 */
export async function runCall(
  env: CallEnv,
  operation: Operation,
  input: unknown,
  limits: CallOptions = NO_LIMITS,
): Promise<unknown> {
  checkCallOptions(limits);
  checkInput(operation, input, (text) => env.redactor.scrub(text));
  const { options, events } = env;
  const maxAttempts = limits.maxAttempts ?? options.maxAttempts;
  const deadlineMs = limits.deadlineMs ?? options.deadlineMs;
  const deadlineAt = performance.now() + deadlineMs;
  const method = METHODS[operation];
  const path = PATHS[operation];
  const signal = limits.signal;
  const state: CallState = {
    operation,
    method,
    path,
    timeoutMs: limits.timeoutMs ?? options.timeoutMs,
    deadlineMs,
    attempt: 0,
  };

  for (let attempt = 1; ; attempt++) {
    state.attempt = attempt;
    if (signal?.aborted) {
      throw new AbortedError(`${method} ${path} was aborted by the caller before it was sent`, {
        operation,
        method,
        path,
        attempts: attempt - 1,
      });
    }

    // note: with no hook and no logger, no event is built at all
    const event = events.enabled ? { operation, method, path, attempt } : undefined;
    if (event) events.request(event);
    const started = performance.now();
    const outcome = await attemptOnce(env, state, input, signal, deadlineAt - started);
    if (!("error" in outcome)) {
      if (event) {
        const durationMs = performance.now() - started;
        events.response({ ...event, status: outcome.status, durationMs });
      }
      return outcome.result;
    }
    const { error, failure, retryAfterMs } = outcome;
    if (event) {
      const durationMs = performance.now() - started;
      events.response({ ...event, status: error.status, durationMs, error });
    }

    const next = verdict(operation, failure);
    if (next === "outcome-unknown" || (isDeadline(error) && isAllocating(operation))) {
      throw outcomeUnknown(error);
    }
    if (next === "fail" || attempt >= maxAttempts) throw error;
    if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) throw error;

    const delayMs = retryAfterMs ?? backoffDelay(attempt, options.backoff, options.random);
    if (performance.now() + delayMs >= deadlineAt) throw error;
    events.retry({ operation, method, path, attempt, status: error.status, delayMs, error });
    try {
      await sleep(delayMs, signal);
    } catch {
      throw new AbortedError(`${method} ${path} was aborted by the caller while waiting to retry`, {
        operation,
        method,
        path,
        attempts: attempt,
        cause: error,
      });
    }
  }
}

async function attemptOnce(
  env: CallEnv,
  state: CallState,
  input: unknown,
  caller: AbortSignal | undefined,
  deadlineLeftMs: number,
): Promise<AttemptFailure | { result: unknown; status: number }> {
  const limit = new AttemptSignal(caller, state.timeoutMs, deadlineLeftMs);
  try {
    const { data, error, response } = await env.send(state.operation, input, limit.signal);
    const status = response.status;
    // the common case first, with nothing built that only a failure needs
    if (status >= 200 && status < 300) {
      const envelope = readEnvelope(data, response.headers.get("content-type"));
      if (envelope.kind === "success") {
        const problem = resultProblem(state.operation, envelope.result);
        if (problem === undefined) return { result: envelope.result, status };
        return invalidResult(problem, envelope.result, context(env, state));
      }
    }
    return classifyResponse(response, response.ok ? data : error, context(env, state));
  } catch (thrown) {
    return classifyThrown(thrown, limit.cause, context(env, state));
  } finally {
    limit.dispose();
  }
}

/** What the classifier needs to describe a failed attempt (built only when one fails). */
function context(env: CallEnv, state: CallState): AttemptContext {
  const { operation, method, path, attempt } = state;
  return {
    details: { operation, method, path, attempts: attempt },
    redactor: env.redactor,
    clock: env.options.clock,
    timeoutMs: state.timeoutMs,
    deadlineMs: state.deadlineMs,
  };
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
