import type { Route } from "./routes.js";

/** Which operation a fault hits; `*` hits all four (never the admin endpoints). */
export type FaultRoute = Route | "*";

/** Where a fault applies and how many requests it hits (default: every one until removed). */
export interface FaultScope {
  route?: FaultRoute;
  times?: number;
}

/**
 * For the faults that answer in place of the API: apply the request first (default false), as when
 * the vendor did the write and something between it and the client garbled the answer.
 */
export interface AfterApply {
  apply?: boolean;
}

/** Something going wrong on the way to or from the vendor, injected on purpose. */
export type Fault = FaultScope &
  (
    | { kind: "latency"; ms: number }
    | ({
        kind: "status";
        status: number;
        retryAfter?: number;
        retryAfterAs?: "seconds" | "date";
      } & AfterApply)
    | { kind: "reset-before" }
    | { kind: "reset-after" }
    | { kind: "hang" }
    | ({ kind: "non-json"; status?: number } & AfterApply)
    | ({ kind: "html"; status?: number } & AfterApply)
    | ({ kind: "success-false"; message?: string } & AfterApply)
    | { kind: "redirect-self"; status?: number }
  );

/** Kinds that may take `apply: true`. */
export const APPLYING_KINDS = ["status", "non-json", "html", "success-false"] as const;

/** Every fault kind, in the order the README describes them. */
export const FAULT_KINDS = [
  "latency",
  "status",
  "reset-before",
  "reset-after",
  "hang",
  "non-json",
  "html",
  "success-false",
  "redirect-self",
] as const satisfies readonly Fault["kind"][];

/** Routes a fault can name. */
export const FAULT_ROUTES = ["list", "create", "update", "delete", "*"] as const;

/** Statuses a self-redirect may use. */
export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

/** Longest wait a fault may ask for: node's timers fire at once past 2^31 - 1 ms. */
export const MAX_WAIT = 2_147_483_647;

// every field each kind takes besides kind, route and times; an unknown one is most likely a typo
const FIELDS: Record<Fault["kind"], readonly string[]> = {
  latency: ["ms"],
  status: ["status", "retryAfter", "retryAfterAs", "apply"],
  "reset-before": [],
  "reset-after": [],
  hang: [],
  "non-json": ["status", "apply"],
  html: ["status", "apply"],
  "success-false": ["message", "apply"],
  "redirect-self": ["status"],
};

/** Checks a fault given as a value (from code or JSON); returns the reason it is not valid. */
export function faultProblem(fault: Fault): string | undefined {
  const f = fault as Fault & Record<string, unknown>;
  if (!(FAULT_KINDS as readonly unknown[]).includes(f.kind)) {
    return `unknown fault kind ${JSON.stringify(f.kind)}: use one of ${FAULT_KINDS.join(", ")}`;
  }
  if (f.route !== undefined && !(FAULT_ROUTES as readonly unknown[]).includes(f.route)) {
    return `unknown fault route ${JSON.stringify(f.route)}: use one of ${FAULT_ROUTES.join(", ")}`;
  }
  if (f.times !== undefined && !isCount(f.times, 1)) return "times must be an integer ≥ 1";
  if (f.apply !== undefined) {
    if (!(APPLYING_KINDS as readonly string[]).includes(f.kind)) {
      return `apply only goes with ${APPLYING_KINDS.join(", ")}`;
    }
    if (typeof f.apply !== "boolean") return "apply must be true or false";
  }
  const known = ["kind", "route", "times", ...FIELDS[f.kind]];
  const unknown = Object.keys(f).find((key) => f[key] !== undefined && !known.includes(key));
  if (unknown !== undefined) {
    return `unknown field "${unknown}" for ${f.kind}: it takes ${known.join(", ")}`;
  }
  switch (f.kind) {
    case "latency":
      return isCount(f.ms, 0) && f.ms <= MAX_WAIT
        ? undefined
        : `latency needs ms, an integer 0-${MAX_WAIT} (for no answer at all, use hang)`;
    case "status":
      if (!isCount(f.status, 400) || f.status > 599) return "status needs an HTTP status 400-599";
      if (f.retryAfter !== undefined && !(isCount(f.retryAfter, 0) && f.retryAfter <= MAX_WAIT)) {
        return `retryAfter must be whole seconds 0-${MAX_WAIT}`;
      }
      if (f.retryAfterAs !== undefined && !["seconds", "date"].includes(f.retryAfterAs)) {
        return 'retryAfterAs must be "seconds" or "date"';
      }
      return undefined;
    case "non-json":
    case "html":
      return f.status === undefined || (isCount(f.status, 200) && f.status <= 599)
        ? undefined
        : `${f.kind} status must be an HTTP status 200-599`;
    case "redirect-self":
      return f.status === undefined || (REDIRECT_STATUSES as readonly number[]).includes(f.status)
        ? undefined
        : `redirect-self status must be one of ${REDIRECT_STATUSES.join(", ")}`;
    case "success-false":
      return f.message === undefined || typeof f.message === "string"
        ? undefined
        : "success-false message must be a string";
    default:
      return undefined;
  }
}

function isCount(value: unknown, min: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min;
}
