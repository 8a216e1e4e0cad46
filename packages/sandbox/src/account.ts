import type { Config, OrderBy, SessionType, SortBy } from "@nineproxy/api-types";
import { PortPool, type ServerPorts } from "./port-pool.js";
import { sessionFields } from "./session.js";

/** A config as the sandbox stores it: every field present. */
export type StoredConfig = Required<Config>;

/** Targeting and session settings of a create or an update, already validated. */
export interface ConfigSettings {
  proxy_type?: number;
  country_code?: string;
  city_code?: string;
  state_code?: string;
  isp_code?: string;
  session_type: SessionType;
  session_time?: number;
}

/** One page of the list, as the vendor's `result`. */
export interface ConfigPage {
  items: StoredConfig[];
  total_items: number;
  total_pages: number;
}

const TARGETING = ["country_code", "city_code", "state_code", "isp_code"] as const;

/**
 * One account: its configs keyed by `start_port` and its port pool. Every method is synchronous,
 * so a request is applied whole before the next one runs: that is the sandbox's concurrency story.
 */
export class Account {
  readonly userId: number;
  readonly pool: PortPool;
  readonly #configs = new Map<number, StoredConfig>();
  // note: sorted views are built once per change and reused by every page read until the next one.
  readonly #sorted = new Map<SortBy, StoredConfig[]>();
  #nextId = 1;

  constructor(userId: number, servers: readonly ServerPorts[]) {
    this.userId = userId;
    this.pool = new PortPool(servers);
  }

  /** How many configs the account holds. */
  get size(): number {
    return this.#configs.size;
  }

  /** Allocates `quantity` contiguous ports and stores a config on them; none when full. */
  create(settings: ConfigSettings, quantity: number, nowSec: number): StoredConfig | undefined {
    const range = this.pool.allocate(quantity);
    if (range === undefined) return undefined;
    const config: StoredConfig = {
      id: this.nextId(),
      user_id: this.userId,
      server_id: range.serverId,
      proxy_type: settings.proxy_type ?? 1,
      country_code: settings.country_code ?? null,
      city_code: settings.city_code ?? null,
      state_code: settings.state_code ?? null,
      isp_code: settings.isp_code ?? null,
      start_port: range.start,
      end_port: range.end,
      ...sessionFields(settings.session_type, settings.session_time),
      created_at: nowSec,
      updated_at: nowSec,
    };
    this.insert(config);
    return config;
  }

  /** Applies new settings to the config at `startPort`; none when no config starts there. */
  update(startPort: number, settings: ConfigSettings, nowSec: number): StoredConfig | undefined {
    const config = this.#configs.get(startPort);
    if (config === undefined) return undefined;
    // assumed: targeting fields left out of an update keep their value.
    for (const field of TARGETING) {
      const value = settings[field];
      if (value !== undefined) config[field] = value;
    }
    // assumed: a sticky config updated without session_time keeps its minutes
    const keptMinutes = config.is_keep === 1 ? Number(config.session_time) : undefined;
    const minutes = settings.session_time ?? keptMinutes;
    Object.assign(config, sessionFields(settings.session_type, minutes));
    config.updated_at = nowSec;
    this.#sorted.delete("updated_at");
    return config;
  }

  /** Start ports among `startPorts` that match no config. */
  missing(startPorts: readonly number[]): number[] {
    return startPorts.filter((port) => !this.#configs.has(port));
  }

  /** Removes the configs at `startPorts` (all known, see `missing`) and frees their ports. */
  remove(startPorts: readonly number[]): void {
    for (const port of startPorts) {
      const config = this.#configs.get(port);
      if (config === undefined) continue;
      this.#configs.delete(port);
      this.pool.release({
        serverId: config.server_id,
        start: config.start_port,
        end: config.end_port,
      });
    }
    this.#sorted.clear();
  }

  /** Takes the next config id. */
  nextId(): number {
    return this.#nextId++;
  }

  /** Stores a config whose ports are already taken from the pool. */
  insert(config: StoredConfig): void {
    this.#configs.set(config.start_port, config);
    this.#nextId = Math.max(this.#nextId, config.id + 1);
    this.#sorted.clear();
  }

  /** Every config, sorted by `sortBy` ascending (ties by id). Shared: do not mutate. */
  sorted(sortBy: SortBy): readonly StoredConfig[] {
    let view = this.#sorted.get(sortBy);
    if (view === undefined) {
      view = [...this.#configs.values()].sort((a, b) => a[sortBy] - b[sortBy] || a.id - b.id);
      this.#sorted.set(sortBy, view);
    }
    return view;
  }

  /** One 1-based page of the sorted configs; a page past the end is empty. */
  page(sortBy: SortBy, orderBy: OrderBy, page: number, limit: number): ConfigPage {
    const view = this.sorted(sortBy);
    const total = view.length;
    const from = (page - 1) * limit;
    let items: StoredConfig[];
    if (orderBy === "asc") items = view.slice(from, from + limit);
    else {
      // desc reads the ascending view backwards rather than keeping a second copy
      const hi = total - from;
      items = view.slice(Math.max(0, hi - limit), Math.max(0, hi)).reverse();
    }
    return { items, total_items: total, total_pages: Math.ceil(total / limit) };
  }
}
