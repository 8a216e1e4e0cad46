import type { PortRange } from "./port-count.js";

/**
 * How many of the given ranges (all on one server) share at least one port with another.
 * One sort and one sweep: O(n log n).
 */
export function countOverlapping(ranges: readonly PortRange[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const marked = new Uint8Array(sorted.length);
  let maxEnd = -1;
  let holder = -1;

  sorted.forEach((range, index) => {
    // note: the config holding the highest end so far overlaps every later one starting below it
    if (holder >= 0 && range.start <= maxEnd) {
      marked[index] = 1;
      marked[holder] = 1;
    }
    if (range.end > maxEnd) {
      maxEnd = range.end;
      holder = index;
    }
  });
  return marked.reduce((sum, flag) => sum + flag, 0);
}
