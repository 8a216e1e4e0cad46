import type { Config } from "@nineproxy/api-types";
import { summarize, type UsageSummary } from "@nineproxy/usage";
import { buildDetails, type Details } from "./details.js";

/** What one complete read of an account's configs produced. */
export interface Snapshot {
  summary: UsageSummary;
  /** Present when details are enabled. */
  details?: Details;
}

/** The part of `@nineproxy/client` a read needs: the paginating `items()` iterator. */
export interface ConfigReader {
  configs: {
    items(
      query?: Record<string, never>,
      options?: { signal?: AbortSignal; concurrency?: number },
    ): AsyncIterable<Config>;
  };
}

/** How to read: the detail cap (undefined: no details) and the client's page concurrency. */
export interface ReadOptions {
  detailsMaxSeries?: number | undefined;
  concurrency?: number | undefined;
}

/** Reads every page of the account's configs through the client and summarizes them. */
export async function readUsage(
  client: ConfigReader,
  signal: AbortSignal,
  options: ReadOptions = {},
): Promise<Snapshot> {
  const configs: Config[] = [];
  const pageOptions =
    options.concurrency === undefined ? { signal } : { signal, concurrency: options.concurrency };
  for await (const config of client.configs.items({}, pageOptions)) configs.push(config);

  const summary = summarize(configs);
  if (options.detailsMaxSeries === undefined) return { summary };
  return { summary, details: buildDetails(configs, options.detailsMaxSeries) };
}
