import { FaultError } from "./errors.js";
import { FAULT_KINDS, FAULT_ROUTES, type Fault, type FaultRoute, faultProblem } from "./fault.js";

/** The fault syntax of the CLI and of `POST /__sandbox/faults`, for error messages and --help. */
export const FAULT_SYNTAX =
  "[route:]kind[=value][:option=value...] with route list|create|update|delete|* " +
  "(e.g. list:latency=20, create:status=429:retry-after=2:times=1, delete:reset-after, " +
  "create:status=502:apply=true)";

/**
 * Reads one fault from its text form, e.g. `create:status=503:times=2`,
 * `list:status=429:retry-after-date=5`, `*:latency=20`, `update:redirect-self=307`.
 * Throws a FaultError that quotes the spec and says how to fix it.
 */
export function parseFault(spec: string): Fault {
  const parts = spec.split(":");
  const route = (FAULT_ROUTES as readonly string[]).includes(parts[0] ?? "")
    ? (parts.shift() as FaultRoute)
    : "*";
  const [kind = "", value] = splitPair(parts.shift() ?? "");
  const fail = (why: string) => new FaultError(`fault "${spec}": ${why}; syntax: ${FAULT_SYNTAX}`);
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw fail(`unknown kind "${kind}", use one of ${FAULT_KINDS.join(", ")}`);
  }

  const fault: Record<string, unknown> = { route, kind };
  if (value !== undefined) {
    if (kind === "latency") fault.ms = toInt(value);
    else if (kind === "success-false") fault.message = value;
    else if (["status", "html", "non-json", "redirect-self"].includes(kind))
      fault.status = toInt(value);
    else throw fail(`${kind} takes no value`);
  }
  for (const option of parts) {
    const [name, text] = splitPair(option);
    if (text === undefined) throw fail(`option "${option}" needs a value (name=value)`);
    if (name === "times") fault.times = toInt(text);
    else if (name === "apply")
      fault.apply = text === "true" ? true : text === "false" ? false : text;
    else if (name === "retry-after" && kind === "status") fault.retryAfter = toInt(text);
    else if (name === "retry-after-date" && kind === "status") {
      fault.retryAfter = toInt(text);
      fault.retryAfterAs = "date";
    } else throw fail(`unknown option "${name}" for ${kind}`);
  }
  if (kind === "latency" && fault.ms === undefined) throw fail("latency needs a value in ms");
  if (kind === "status" && fault.status === undefined) throw fail("status needs a code");

  const problem = faultProblem(fault as unknown as Fault);
  if (problem !== undefined) throw fail(problem);
  return fault as unknown as Fault;
}

function splitPair(text: string): [string, string | undefined] {
  const at = text.indexOf("=");
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function toInt(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
