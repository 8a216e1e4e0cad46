import { type Config, SESSION_TYPE, type SessionType } from "@nineproxy/api-types";
import type { Account, StoredConfig } from "./account.js";
import { SeedError } from "./errors.js";
import type { PortRange } from "./port-pool.js";
import { seedProblem } from "./seed-check.js";
import { sessionFields } from "./session.js";

/** A config to seed: any Config fields, plus `quantity` and `session_type` as in a create. */
export type SeedConfig = Partial<Config> & { quantity?: number; session_type?: SessionType };

/** The way out when seeds do not fit, for error messages. */
export const MORE_PORTS =
  "seed fewer or smaller configs, reset the sandbox first, or start it with larger servers";

const COUNTRIES = ["US", "DE", "GB", "FR", "JP", "BR", "CA", "NL"] as const;

/** `n` varied configs of one port each: countries in turn, every third one sticky. */
export function generatedSeeds(n: number): SeedConfig[] {
  return Array.from({ length: n }, (_, i) => ({
    country_code: COUNTRIES[i % COUNTRIES.length] as string,
    session_type: i % 3 === 2 ? SESSION_TYPE.sticky : SESSION_TYPE.rotating,
  }));
}

/**
 * Stores configs straight into an account, bypassing HTTP and the write counters. All or nothing:
 * when one does not fit, the ones before it are taken back and the error says which one.
 */
export function seedAccount(account: Account, seeds: SeedConfig[], nowSec: number): StoredConfig[] {
  const done: StoredConfig[] = [];
  try {
    for (const [i, seed] of seeds.entries()) done.push(seedOne(account, seed, nowSec, i));
  } catch (error) {
    account.remove(done.map((config) => config.start_port));
    throw error;
  }
  return done;
}

function seedOne(account: Account, seed: SeedConfig, nowSec: number, i: number): StoredConfig {
  const problem = seedProblem(seed);
  if (problem !== undefined) throw new SeedError(`seed ${i}: ${problem}`);
  const range = takePorts(account, seed, i);
  if (seed.server_id !== undefined && seed.server_id !== range.serverId) {
    account.pool.release(range);
    throw new SeedError(
      `seed ${i}: ports ${range.start}-${range.end} are not on server ${seed.server_id}: ` +
        "give a start_port inside that server's range, or leave server_id out",
    );
  }
  // a partial that only says is_keep: 1 is sticky, so that is_random_ip and session_time agree
  const sticky =
    seed.session_type === SESSION_TYPE.sticky ||
    (seed.session_type === undefined && seed.is_keep === 1);
  const session = sessionFields(sticky ? SESSION_TYPE.sticky : SESSION_TYPE.rotating);
  const config: StoredConfig = {
    id: seed.id ?? 0,
    user_id: account.userId,
    server_id: range.serverId,
    proxy_type: seed.proxy_type ?? 1,
    country_code: seed.country_code ?? null,
    city_code: seed.city_code ?? null,
    state_code: seed.state_code ?? null,
    isp_code: seed.isp_code ?? null,
    start_port: range.start,
    end_port: range.end,
    is_keep: seed.is_keep ?? session.is_keep,
    is_random_ip: seed.is_random_ip ?? session.is_random_ip,
    session_time: seed.session_time ?? session.session_time,
    created_at: seed.created_at ?? nowSec,
    updated_at: seed.updated_at ?? seed.created_at ?? nowSec,
  };
  // TODO: refuse an explicit id another config has, because ids key nothing here (start_port does)
  if (seed.id === undefined) config.id = account.nextId();
  account.insert(config);
  return config;
}

function takePorts(account: Account, seed: SeedConfig, i: number): PortRange {
  const quantity =
    seed.quantity ??
    (seed.start_port !== undefined && seed.end_port !== undefined
      ? seed.end_port - seed.start_port + 1
      : 1);
  const range =
    seed.start_port === undefined
      ? account.pool.allocate(quantity, seed.server_id)
      : account.pool.reserve(seed.start_port, seed.start_port + quantity - 1);
  if (range === undefined) {
    const where = seed.start_port === undefined ? "anywhere" : `at port ${seed.start_port}`;
    throw new SeedError(
      `seed ${i}: ${quantity} port(s) are not free ${where} in the pool; ${MORE_PORTS}`,
    );
  }
  return range;
}
