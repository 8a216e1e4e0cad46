/** Status class of an API response: "2xx" … "5xx", or "error" when no response came. */
export type StatusClass = "1xx" | "2xx" | "3xx" | "4xx" | "5xx" | "error";

/** The status class of an HTTP status, "error" when there was none. */
export function statusClass(status: number | undefined): StatusClass {
  if (status === undefined || !Number.isInteger(status) || status < 100 || status > 599) {
    return "error";
  }
  return `${Math.floor(status / 100)}xx` as StatusClass;
}

/** Counts of API requests by operation and status class, fed by the client's `onResponse` hook. */
export class RequestCounts {
  readonly #counts = new Map<string, { operation: string; statusClass: StatusClass; n: number }>();

  /** Counts one finished attempt. */
  add(operation: string, status: number | undefined): void {
    const cls = statusClass(status);
    const key = `${operation} ${cls}`;
    const entry = this.#counts.get(key);
    if (entry === undefined) this.#counts.set(key, { operation, statusClass: cls, n: 1 });
    else entry.n += 1;
  }

  /** Every count so far. */
  entries(): Array<{ operation: string; statusClass: StatusClass; n: number }> {
    return [...this.#counts.values()];
  }
}
