import type { Config, ListConfigsQuery } from "@nineproxy/api-types";
import { onAbort } from "./abort.js";
import type { PageOptions } from "./options.js";

/** One page of the list, with the page number that was requested (the API does not echo it). */
export interface Page {
  page: number;
  items: Config[];
  total_items: number;
  total_pages: number;
}

/** Fetches one page as one call (with its own retries), cancelled by `signal`. */
export type FetchPage = (
  query: ListConfigsQuery,
  options: PageOptions & { signal: AbortSignal },
) => Promise<Omit<Page, "page">>;

/** Defaults the client gives to pagination. */
export interface PageDefaults {
  pageSize: number;
  concurrency: number;
}

/**
 * Every page from `query.page` (default 1) on. Page 1 reveals `total_pages`; later pages are
 * fetched `concurrency` at a time and yielded in order. Stops at `total_pages`, on an empty page,
 * at `maxPages` or `maxItems`; leaving the loop early cancels the requests still in flight.
 */
export async function* paginate(
  fetchPage: FetchPage,
  query: ListConfigsQuery,
  options: PageOptions,
  defaults: PageDefaults,
): AsyncGenerator<Page, void, undefined> {
  const limit = query.limit ?? defaults.pageSize;
  const firstPage = query.page ?? 1;
  const concurrency = options.concurrency ?? defaults.concurrency;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const seen = options.dedupe === false ? undefined : new Set<string | number>();
  if (maxItems <= 0 || maxPages <= 0) return;

  // one controller for the whole iteration: the caller's signal, or leaving the loop, stops it all
  const stop = new AbortController();
  const stopOnAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) stopOnAbort();
  // TODO: an iterator dropped without return() (no for-await, no break) keeps this callback, and
  // the iteration's state with it, until the caller's signal aborts or is collected
  const unfollow = options.signal ? onAbort(options.signal, stopOnAbort) : undefined;
  const call = { ...options, signal: stop.signal };
  const fetchOne = (page: number) => {
    const pending = fetchPage({ ...query, limit, page }, call);
    // note: a page abandoned by `break` rejects unobserved; this keeps it from being "unhandled".
    pending.catch(() => {});
    return { page, pending };
  };

  let yielded = 0;
  try {
    const first = await fetchOne(firstPage).pending;
    const lastPage = Math.min(first.total_pages, firstPage + maxPages - 1);
    const inFlight: { page: number; pending: Promise<Omit<Page, "page">> }[] = [];
    let next = firstPage + 1;
    const fill = () => {
      while (inFlight.length < concurrency && next <= lastPage) {
        // don't ask for pages that maxItems will never reach
        if (yielded + inFlight.length * limit >= maxItems) return;
        inFlight.push(fetchOne(next++));
      }
    };

    let current: Page = { page: firstPage, ...first };
    for (;;) {
      if (current.items.length === 0) return;
      const items = fresh(current.items, seen).slice(0, maxItems - yielded);
      yielded += items.length;
      fill();
      yield { ...current, items };
      if (yielded >= maxItems) return;
      const head = inFlight.shift();
      if (head === undefined) return;
      current = { page: head.page, ...(await head.pending) };
    }
  } finally {
    unfollow?.();
    stop.abort();
  }
}

/** The configs not yielded before (by `id`, else server and start port), remembering them. */
function fresh(items: Config[], seen: Set<string | number> | undefined): Config[] {
  if (seen === undefined) return items;
  return items.filter((config) => {
    const key =
      config.id ??
      (config.start_port === undefined ? undefined : `${config.server_id}:${config.start_port}`);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
