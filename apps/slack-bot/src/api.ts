import type { Config } from "@nineproxy/api-types";
import type { ConfigsApi as ClientConfigsApi } from "@nineproxy/client";

/** The part of `@nineproxy/client`'s `client.configs` the bot uses (tests give their own). */
export type ConfigsApi = Pick<ClientConfigsApi, "list" | "items" | "create" | "update" | "delete">;

/** Finds the config whose range starts at `startPort`, walking the list sorted by start port. */
export async function findConfig(api: ConfigsApi, startPort: number): Promise<Config | undefined> {
  for await (const config of api.items({ sort_by: "start_port", order_by: "asc" })) {
    if (config.start_port === startPort) return config;
  }
  return undefined;
}

/** Finds the configs starting at each of `startPorts` (one walk of the list). */
export async function findConfigs(
  api: ConfigsApi,
  startPorts: readonly number[],
): Promise<Map<number, Config>> {
  const wanted = new Set(startPorts);
  const found = new Map<number, Config>();
  for await (const config of api.items({ sort_by: "start_port", order_by: "asc" })) {
    if (config.start_port !== undefined && wanted.has(config.start_port)) {
      found.set(config.start_port, config);
      if (found.size === wanted.size) break;
    }
  }
  return found;
}
