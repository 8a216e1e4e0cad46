import { SettingError } from "./setting-error.js";

// note: these paths are the exporter's own pages; a telemetry path there would hide one
const RESERVED = new Set(["/", "/healthz", "/probe"]);

/** Throws unless `value` is a plain absolute path that is not one of the exporter's own pages. */
export function checkTelemetryPath(setting: string, value: string): void {
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(value) || RESERVED.has(value)) {
    throw new SettingError(
      `${setting} "${value}" is invalid: use a path such as /metrics (not /, /healthz or /probe)`,
    );
  }
}
