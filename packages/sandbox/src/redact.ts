/** Replaces the value of every `api-key` query parameter in `url` with `REDACTED`. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:api-key|api%2Dkey)=)[^&#]*/gi, "$1REDACTED");
}
