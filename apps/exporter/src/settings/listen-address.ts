import { SettingError } from "./setting-error.js";

/** Where the exporter listens. `host` undefined means every interface (":9731"). */
export interface ListenAddress {
  host: string | undefined;
  port: number;
}

/** Parses "host:port", "[v6]:port" or ":port" (every interface), as the official exporters do. */
export function parseListenAddress(setting: string, value: string): ListenAddress {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[3]);
  if (match === null || !Number.isInteger(port) || port > 65_535) {
    throw new SettingError(
      `${setting} "${value}" is not host:port: use e.g. 127.0.0.1:9731, or :9731 for every interface`,
    );
  }
  const host = match[1] ?? match[2];
  return { host: host === "" ? undefined : host, port };
}
