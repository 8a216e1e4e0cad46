/** What replaces a secret wherever the client could show it. */
export const REDACTED = "[REDACTED]";

// note: matches the key's query parameter raw or percent-encoded (`api%2Dkey`), any value.
const KEY_PARAM = /(api(?:-|%2d|_)key=)[^&#\s"'<>]*/gi;

/** Replaces the value of every `api-key=` query parameter in a string (a URL, a message, HTML). */
export function redactUrl(text: string): string {
  return text.replace(KEY_PARAM, `$1${REDACTED}`);
}

/** Removes one secret from strings: its `api-key=` parameters and every literal occurrence. */
export class Redactor {
  readonly #needles: string[];

  /** @param secret the API key; its raw and URL-encoded spellings are both scrubbed */
  constructor(secret: string) {
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ k: secret }).toString().slice(2),
    ]);
    // note: short secrets still get scrubbed, but an empty one would match everywhere.
    // longest first, so no spelling is cut in two by the scrubbing of a shorter one
    this.#needles = [...forms]
      .filter((form) => form.length > 0)
      .sort((a, b) => b.length - a.length);
  }

  /** The text with the secret and any `api-key=` value replaced by `[REDACTED]`. */
  scrub(text: string): string {
    // note: the literal secret goes first: the `api-key=` pattern stops at a space, `&` or `#`,
    // which would leave the rest of a key holding one for the literal match to miss.
    let out = text;
    for (const needle of this.#needles) {
      if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    }
    return redactUrl(out);
  }

  /**
   * A safe copy of anything thrown by fetch or a hook: an `Error` with scrubbed message, stack
   * and `code`, and a scrubbed copy of its own `cause` chain. Nothing else is kept, so no
   * Request, URL or socket object can carry the key into logs.
   */
  sanitize(thrown: unknown, depth = 0): Error {
    if (!(thrown instanceof Error)) return new Error(this.scrub(String(thrown)));
    const copy = new Error(this.scrub(thrown.message));
    copy.name = thrown.name;
    copy.stack = thrown.stack === undefined ? undefined : this.scrub(thrown.stack);
    const code = (thrown as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") {
      Object.assign(copy, { code: typeof code === "string" ? this.scrub(code) : code });
    }
    if (thrown.cause !== undefined && depth < 4)
      copy.cause = this.sanitize(thrown.cause, depth + 1);
    if (thrown instanceof AggregateError && depth < 4) {
      const errors = thrown.errors.slice(0, 4).map((e) => this.sanitize(e, depth + 1));
      Object.assign(copy, { errors });
    }
    return copy;
  }
}
