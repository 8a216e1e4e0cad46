import type { RequestCounts } from "../upstream/request-counts.js";
import type { UsageCache } from "../upstream/usage-cache.js";

/** What the metrics read about one account: its name, cache, request counts and pool size. */
export interface AccountView {
  name: string;
  cache: UsageCache;
  requests: RequestCounts;
  poolSize: number | undefined;
}

/** Adds one sample; the `account` label is added by the caller. */
export type Emit = (labels: Record<string, string>, value: number) => void;

/** One metric family: its name, type, HELP text, labels (besides `account`) and its samples. */
export interface Family {
  name: string;
  type: "gauge" | "counter";
  help: string;
  labelNames: readonly string[];
  /** Emits the samples of one account; may emit none (e.g. before the first good read). */
  fill(emit: Emit, account: AccountView): void;
}
