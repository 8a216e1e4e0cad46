/** Replaces every secret, and any `api-key=` query value, in a text bound for a log or a page. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(api[-_]?key=)[^&\s"'<>]*/gi, "$1[redacted]");
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join("[redacted]");
  }
  return out;
}
