import { FaultError } from "./errors.js";
import { type Fault, faultProblem } from "./fault.js";
import type { Route } from "./routes.js";

/** A fault once added: how often it has hit, how many hits are left, and a way to remove it. */
export interface FaultHandle {
  readonly id: string;
  readonly fault: Fault;
  readonly hits: number;
  /** Hits left, or undefined when unlimited. */
  readonly remaining: number | undefined;
  remove(): void;
}

/** What a request meets on its way in: a total delay, then at most one other fault. */
export interface FaultDraw {
  delayMs: number;
  fault?: Fault;
}

/** The faults of a sandbox, as its users see them. */
export interface SandboxFaults {
  /** Adds a fault; throws a FaultError naming the problem when the fault is not valid. */
  add(fault: Fault): FaultHandle;
  /** Removes every fault. */
  clear(): void;
  /** The fault with this id, if still active. */
  get(id: string): FaultHandle | undefined;
  /** The active faults, oldest first. */
  list(): FaultHandle[];
  /** Removes one fault; false when it was not active. */
  remove(id: string): boolean;
}

/** The active faults, matched against each request in the order they were added. */
export class FaultRegistry implements SandboxFaults {
  readonly #active: Entry[] = [];
  #nextId = 1;

  /** Adds a fault; throws a FaultError naming the problem when the fault is not valid. */
  add(fault: Fault): FaultHandle {
    const problem = faultProblem(fault);
    if (problem !== undefined) throw new FaultError(`invalid fault: ${problem}`);
    const entry = new Entry(`f${this.#nextId++}`, { ...fault }, this);
    this.#active.push(entry);
    return entry;
  }

  /** Removes every fault. */
  clear(): void {
    this.#active.length = 0;
  }

  /** The fault with this id, if still active. */
  get(id: string): FaultHandle | undefined {
    return this.#active.find((entry) => entry.id === id);
  }

  /** The active faults, oldest first. */
  list(): FaultHandle[] {
    return [...this.#active];
  }

  /** Removes one fault; false when it was not active. */
  remove(id: string): boolean {
    const index = this.#active.findIndex((entry) => entry.id === id);
    if (index === -1) return false;
    this.#active.splice(index, 1);
    return true;
  }

  /**
   * Draws the faults for one request and counts them as hit: every matching latency adds up,
   * then the first other matching fault applies. A fault whose `times` is spent is removed.
   */
  draw(route: Route): FaultDraw {
    const draw: FaultDraw = { delayMs: 0 };
    for (const entry of [...this.#active]) {
      const scope = entry.fault.route ?? "*";
      if (scope !== "*" && scope !== route) continue;
      if (entry.fault.kind === "latency") draw.delayMs += entry.fault.ms;
      else if (draw.fault === undefined) draw.fault = entry.fault;
      else continue;
      entry.hit();
    }
    return draw;
  }
}

class Entry implements FaultHandle {
  hits = 0;

  constructor(
    readonly id: string,
    readonly fault: Fault,
    private readonly registry: FaultRegistry,
  ) {}

  get remaining(): number | undefined {
    return this.fault.times === undefined ? undefined : this.fault.times - this.hits;
  }

  hit(): void {
    this.hits++;
    if (this.remaining === 0) this.remove();
  }

  remove(): void {
    this.registry.remove(this.id);
  }

  toJSON(): object {
    return { id: this.id, ...this.fault, hits: this.hits, remaining: this.remaining ?? null };
  }
}
