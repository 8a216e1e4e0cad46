/** One gateway server of the pool and the ports it offers an account (inclusive). */
export interface ServerPorts {
  id: number;
  firstPort: number;
  lastPort: number;
}

/** A contiguous run of ports on one server, `start`..`end` inclusive. */
export interface PortRange {
  serverId: number;
  start: number;
  end: number;
}

/**
 * The free ports of one account, as sorted disjoint runs. Allocation is first fit from the lowest
 * port, so freed ports are reused before fresh ones.
 */
export class PortPool {
  // note: runs of different servers never merge, even when their ports touch.
  readonly #free: PortRange[] = [];

  constructor(servers: readonly ServerPorts[]) {
    const sorted = [...servers].sort((a, b) => a.firstPort - b.firstPort);
    for (const s of sorted)
      this.#free.push({ serverId: s.id, start: s.firstPort, end: s.lastPort });
  }

  /** Takes `quantity` contiguous ports from the lowest run that fits (on `serverId` if given). */
  allocate(quantity: number, serverId?: number): PortRange | undefined {
    const index = this.#free.findIndex(
      (run) =>
        run.end - run.start + 1 >= quantity &&
        (serverId === undefined || run.serverId === serverId),
    );
    const run = this.#free[index];
    if (run === undefined) return undefined;
    const taken = { serverId: run.serverId, start: run.start, end: run.start + quantity - 1 };
    if (taken.end === run.end) this.#free.splice(index, 1);
    else run.start = taken.end + 1;
    return taken;
  }

  /** Takes exactly `start`..`end` when every port of it is free on one server, else nothing. */
  reserve(start: number, end: number): PortRange | undefined {
    const index = this.#lastRunStartingAtOrBefore(start);
    const run = this.#free[index];
    if (run === undefined || end > run.end || end < start) return undefined;
    const taken = { serverId: run.serverId, start, end };
    const pieces: PortRange[] = [];
    if (run.start < start)
      pieces.push({ serverId: run.serverId, start: run.start, end: start - 1 });
    if (end < run.end) pieces.push({ serverId: run.serverId, start: end + 1, end: run.end });
    this.#free.splice(index, 1, ...pieces);
    return taken;
  }

  /** Gives a range back, merging it with free neighbours on the same server. */
  release(range: PortRange): void {
    const index = this.#lastRunStartingAtOrBefore(range.start) + 1;
    this.#free.splice(index, 0, { ...range });
    const next = this.#free[index + 1];
    const current = this.#free[index] as PortRange;
    if (next && next.serverId === current.serverId && next.start === current.end + 1) {
      current.end = next.end;
      this.#free.splice(index + 1, 1);
    }
    const prev = this.#free[index - 1];
    if (prev && prev.serverId === current.serverId && prev.end + 1 === current.start) {
      prev.end = current.end;
      this.#free.splice(index, 1);
    }
  }

  /** How many ports are free in total. */
  get freePorts(): number {
    return this.#free.reduce((sum, run) => sum + run.end - run.start + 1, 0);
  }

  /** Index of the last free run whose start is ≤ `port`, or -1. */
  #lastRunStartingAtOrBefore(port: number): number {
    let lo = 0;
    let hi = this.#free.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#free[mid] as PortRange).start <= port) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
