import { once, setMaxListeners } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "@nineproxy/api-types";
import { Account } from "./account.js";
import type { Applied } from "./api.js";
import { SeedError, UnknownAccountError } from "./errors.js";
import { FaultRegistry, type SandboxFaults } from "./fault-registry.js";
import { createHandler } from "./handler.js";
import { resolveOptions, type SandboxOptions } from "./options.js";
import { generatedSeeds, MORE_PORTS, type SeedConfig, seedAccount } from "./seed.js";

/** A running sandbox: its URL, the truth behind it, its faults, and a way to stop it. */
export interface Sandbox {
  /** Base URL, e.g. "http://127.0.0.1:4010". */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Copies of every config of the account, sorted by start_port ascending. */
  configs(apiKey: string): Config[];
  /** Stores configs directly (no HTTP, not counted as applied): `n` generated ones or partials. */
  seed(apiKey: string, what: number | SeedConfig[]): Config[];
  /** Writes actually applied since the start or the last reset (a snapshot). */
  readonly applied: Applied;
  /** The injected faults: `add`, `clear`, `get`, `list`, `remove`. */
  readonly faults: SandboxFaults;
  /** Forgets every config, fault and applied count; accounts and pools start afresh. */
  reset(): void;
  /** Stops listening and drops every connection, hung ones included. */
  close(): Promise<void>;
}

/**
 * Starts the vendor's API on loopback, one account per API key.
 * @example
 * const sb = await startSandbox({ apiKeys: ["test-key"] });
 * await fetch(`${sb.url}/client/v1/proxy-connection/get-list?api-key=test-key`);
 * await sb.close();
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const o = resolveOptions(options);
  const applied: Applied = { create: 0, update: 0, delete: 0 };
  const accounts = new Map<string, Account>();
  const faults = new FaultRegistry();
  const closing = new AbortController();
  // note: every request sleeping in a latency fault listens here; hundreds at once are expected
  setMaxListeners(0, closing.signal);
  const freshAccounts = () => {
    accounts.clear();
    // assumed: user ids are made up; each account gets its own, starting at 100001
    for (const [i, key] of o.apiKeys.entries())
      accounts.set(key, new Account(100001 + i, o.servers));
  };
  freshAccounts();
  for (const fault of o.faults ?? []) faults.add(fault);

  const accountOf = (apiKey: string): Account => {
    const account = accounts.get(apiKey);
    if (account === undefined) {
      throw new UnknownAccountError(
        "sandbox: no account has that api key: use one of the keys given in startSandbox's apiKeys",
      );
    }
    return account;
  };

  const sandbox: Sandbox = {
    url: "",
    port: 0,
    configs: (apiKey) =>
      accountOf(apiKey)
        .sorted("start_port")
        .map((config) => ({ ...config })),
    seed: (apiKey, what) => {
      if (typeof what === "number" && !(Number.isInteger(what) && what >= 0)) {
        throw new SeedError("sandbox.seed: give a whole number of configs ≥ 0, or partial configs");
      }
      const account = accountOf(apiKey);
      // checked before the seeds are built: a huge count would otherwise exhaust memory first
      const free = account.pool.freePorts;
      if (typeof what === "number" && what > free) {
        throw new SeedError(
          `sandbox.seed: ${what} configs do not fit: ${free} ports are free; ${MORE_PORTS}`,
        );
      }
      const seeds = typeof what === "number" ? generatedSeeds(what) : what;
      const nowSec = Math.floor(o.now() / 1000);
      return seedAccount(account, seeds, nowSec).map((config) => ({ ...config }));
    },
    get applied() {
      return { ...applied };
    },
    faults,
    reset: () => {
      freshAccounts();
      faults.clear();
      Object.assign(applied, { create: 0, update: 0, delete: 0 });
    },
    close: () => {
      if (!closing.signal.aborted) {
        closing.abort();
        server.close();
        server.closeAllConnections();
      }
      return closed;
    },
  };

  const api = { accounts, limits: o, now: o.now, applied };
  const admin = { sandbox, accounts };
  const server = createServer(
    createHandler({ api, faults, admin, logger: o.logger, closing: closing.signal }),
  );
  // note: not events.once, which also rejects on "error": a failed listen would leave it unhandled
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  server.listen(o.port, o.host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  Object.assign(sandbox, { url: `http://${host}:${port}`, port });
  return sandbox;
}
