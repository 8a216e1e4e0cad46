// note: the client has its own redactor, but it dev-depends on the sandbox, so the sandbox cannot
// import it; this copy uses the same placeholder so that logs of both read alike
/** What stands in for an API key in a logged URL: the client's placeholder. */
export const REDACTED = "[REDACTED]";

/** Replaces the value of every `api-key` query parameter in `url` with `[REDACTED]`. */
export function redactUrl(url: string): string {
  return url.replace(/([?&#])([^=&#]*)=([^&#]*)/g, (pair, separator: string, name: string) =>
    isApiKeyName(name) ? `${separator}${name}=${REDACTED}` : pair,
  );
}

// note: the server decodes names before it looks the key up, so `%61pi-key` carries it too; the
// name is decoded the same way (any case, to be safe) rather than matched as written
function isApiKeyName(name: string): boolean {
  const decoded = new URLSearchParams(`${name}=`).keys().next().value ?? "";
  return decoded.toLowerCase() === "api-key";
}
