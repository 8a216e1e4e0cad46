import { REDACTED } from "@nineproxy/client";
import pino from "pino";

/** The part of a pino logger the exporter uses: the client's own `Logger`. */
export type { Logger } from "@nineproxy/client";

/** Field names whose values are censored in every log line, wherever they occur. */
export const REDACTED_PATHS = [
  "apiKey",
  "api_key",
  "*.apiKey",
  "*.api_key",
  "accounts[*].apiKey",
  "options.apiKey",
];

/** The default logger: JSON lines, with key fields censored as a second line of defence. */
export function createLogger(level = "info", destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      name: "nineproxy-exporter",
      level,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
    },
    destination,
  );
}
