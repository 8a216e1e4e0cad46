import { createClient } from "@nineproxy/client";
import type { AccountOptions } from "./account.js";
import type { Logger } from "./logger.js";
import type { AccountView } from "./metrics/family.js";
import type { ResolvedOptions } from "./options.js";
import { readUsage } from "./upstream/read-usage.js";
import { RequestCounts } from "./upstream/request-counts.js";
import { type ReadOutcome, UsageCache } from "./upstream/usage-cache.js";

/** Builds an account's client, request counts and cache, and logs each change of its health. */
export function watchAccount(
  account: AccountOptions,
  options: ResolvedOptions,
  logger: Logger,
  scrub: (text: string) => string,
): AccountView {
  const requests = new RequestCounts();
  const client = createClient({
    apiKey: account.apiKey,
    baseUrl: account.baseUrl,
    hooks: { onResponse: (event) => requests.add(event.operation, event.status) },
    logger: {
      debug: (fields, msg) => logger.debug({ account: account.name, ...fields }, msg),
      info: (fields, msg) => logger.info({ account: account.name, ...fields }, msg),
      warn: (fields, msg) => logger.warn({ account: account.name, ...fields }, msg),
      error: (fields, msg) => logger.error({ account: account.name, ...fields }, msg),
    },
    ...(options.pageConcurrency === undefined ? {} : { pageConcurrency: options.pageConcurrency }),
  });

  let wasUp: boolean | undefined;
  const onOutcome = (outcome: ReadOutcome) => {
    const fields = { account: account.name, durationMs: Math.round(outcome.durationMs) };
    if (outcome.ok) {
      const configs = outcome.snapshot.summary.configs;
      const level = wasUp === true ? "debug" : "info";
      logger[level]({ ...fields, configs }, "upstream read succeeded");
    } else {
      logger.warn({ ...fields, ...errorFields(outcome.error, scrub) }, "upstream read failed");
    }
    wasUp = outcome.ok;
  };

  const cache = new UsageCache(
    (signal) =>
      readUsage(client, signal, {
        detailsMaxSeries: options.details ? options.detailsMaxSeries : undefined,
      }),
    { ttlMs: options.cacheTtlMs, failureTtlMs: options.cacheFailureTtlMs, onOutcome },
  );
  return { name: account.name, cache, requests, poolSize: account.poolSize };
}

/** An error as log fields: its class, status and message, with every key scrubbed. */
export function errorFields(
  error: unknown,
  scrub: (text: string) => string,
): Record<string, unknown> {
  if (!(error instanceof Error)) return { err: typeof error };
  const status = (error as { status?: unknown }).status;
  return {
    err: error.name,
    reason: scrub(error.message),
    ...(typeof status === "number" ? { status } : {}),
  };
}
