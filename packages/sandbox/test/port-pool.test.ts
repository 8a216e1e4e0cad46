import { describe, expect, it } from "vitest";
import { PortPool } from "../src/port-pool.js";

const SERVERS = [
  { id: 2, firstPort: 200, lastPort: 209 },
  { id: 1, firstPort: 100, lastPort: 109 },
];

describe("PortPool", () => {
  it("allocates first fit from the lowest port across servers", () => {
    const pool = new PortPool(SERVERS);
    expect(pool.allocate(8)).toEqual({ serverId: 1, start: 100, end: 107 });
    expect(pool.allocate(3)).toEqual({ serverId: 2, start: 200, end: 202 });
    expect(pool.allocate(2)).toEqual({ serverId: 1, start: 108, end: 109 });
    expect(pool.freePorts).toBe(7);
  });

  it("never spans two servers, even when their ports touch", () => {
    const pool = new PortPool([
      { id: 1, firstPort: 100, lastPort: 104 },
      { id: 2, firstPort: 105, lastPort: 109 },
    ]);
    expect(pool.allocate(6)).toBeUndefined();
    expect(pool.freePorts).toBe(10);
  });

  it("merges released ranges with their free neighbours", () => {
    const pool = new PortPool([{ id: 1, firstPort: 100, lastPort: 109 }]);
    const a = pool.allocate(3) as never;
    const b = pool.allocate(3) as never;
    pool.allocate(4);
    pool.release(a);
    pool.release(b);
    expect(pool.allocate(6)).toEqual({ serverId: 1, start: 100, end: 105 });
  });

  it("reserves an exact range only when all of it is free", () => {
    const pool = new PortPool(SERVERS);
    expect(pool.reserve(103, 105)).toEqual({ serverId: 1, start: 103, end: 105 });
    expect(pool.reserve(105, 106)).toBeUndefined();
    expect(pool.reserve(108, 112)).toBeUndefined();
    expect(pool.reserve(50, 50)).toBeUndefined();
    expect(pool.allocate(3)).toEqual({ serverId: 1, start: 100, end: 102 });
    expect(pool.allocate(4)).toEqual({ serverId: 1, start: 106, end: 109 });
  });

  it("matches a port-by-port model over 3,000 random allocations and releases", () => {
    const servers = [
      { id: 1, firstPort: 100, lastPort: 299 },
      { id: 2, firstPort: 300, lastPort: 399 },
    ];
    const pool = new PortPool(servers);
    const owner = new Map<number, number>(); // port → server, for the taken ports
    const taken: { serverId: number; start: number; end: number }[] = [];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let step = 0; step < 3000; step++) {
      if (taken.length > 0 && random() < 0.45) {
        const [range] = taken.splice(Math.floor(random() * taken.length), 1);
        if (range === undefined) continue;
        pool.release(range);
        for (let p = range.start; p <= range.end; p++) owner.delete(p);
        continue;
      }
      const quantity = 1 + Math.floor(random() * 12);
      const expected = firstFit(servers, owner, quantity);
      const range = pool.allocate(quantity);
      expect(range).toEqual(expected);
      if (range === undefined) continue;
      taken.push(range);
      for (let p = range.start; p <= range.end; p++) owner.set(p, range.serverId);
    }
    expect(pool.freePorts).toBe(300 - owner.size);
  });
});

/** The lowest run of `quantity` free ports within one server, found port by port. */
function firstFit(
  servers: { id: number; firstPort: number; lastPort: number }[],
  owner: Map<number, number>,
  quantity: number,
) {
  for (const s of servers) {
    let run = 0;
    for (let p = s.firstPort; p <= s.lastPort; p++) {
      run = owner.has(p) ? 0 : run + 1;
      if (run === quantity) return { serverId: s.id, start: p - quantity + 1, end: p };
    }
  }
  return undefined;
}
