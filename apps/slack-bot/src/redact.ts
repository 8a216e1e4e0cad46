import { Redactor, redactUrl } from "@nineproxy/client";

/** The secrets a bot holds, in one list; a missing one (no app token) is left out. */
export function botSecrets(held: {
  signingSecret: string;
  botToken: string;
  appToken?: string | undefined;
  apiKey?: string | undefined;
}): string[] {
  const all = [held.signingSecret, held.botToken, held.appToken, held.apiKey];
  return all.filter((secret): secret is string => secret !== undefined && secret !== "");
}

/**
 * Removes the bot's secrets from text and from JSON values, with the client's redaction: one
 * `Redactor` per secret (raw, URL-encoded and form-encoded spellings, and every `api-key=`
 * value), each replaced by `[REDACTED]`.
 */
export class SecretScrubber {
  readonly #text: Redactor[];
  readonly #json: Redactor[];

  /** @param secrets the signing secret, tokens and API key; empty ones are ignored */
  constructor(secrets: readonly string[]) {
    // longest first, so a secret that holds another is scrubbed whole
    const longestFirst = (a: string, b: string) => b.length - a.length;
    const present = [...new Set(secrets)].filter((secret) => secret !== "").sort(longestFirst);
    this.#text = present.map((secret) => new Redactor(secret));
    // note: inside serialized JSON a secret holding `"` or `\` is spelled escaped
    const spellings = new Set(present.flatMap((secret) => [jsonEscaped(secret), secret]));
    this.#json = [...spellings].sort(longestFirst).map((secret) => new Redactor(secret));
  }

  /** The text with every secret and `api-key=` value replaced by `[REDACTED]`. */
  scrub(text: string): string {
    return redactUrl(this.#text.reduce((out, redactor) => redactor.scrub(out), text));
  }

  /** A scrubbed copy of a JSON value (an audit entry, a Slack message). */
  value<T>(value: T): T {
    const json = JSON.stringify(value);
    const scrubbed = this.#json.reduce((out, redactor) => redactor.scrub(out), json);
    return JSON.parse(redactUrl(scrubbed)) as T;
  }
}

function jsonEscaped(secret: string): string {
  return JSON.stringify(secret).slice(1, -1);
}
