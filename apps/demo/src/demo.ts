import { createClient } from "@nineproxy/client";
import { type Exporter, startExporter } from "@nineproxy/exporter";
import { type Sandbox, startSandbox } from "@nineproxy/sandbox";
import { demoRequests } from "./seed.js";

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** Sandbox port. Default 4010; 0 for any free port. */
  sandboxPort?: number;
  /** Exporter port. Default 9731; 0 for any free port. */
  exporterPort?: number;
  /** Address both listen on. Default "127.0.0.1". */
  host?: string;
  /** The demo account's API key. Default "demo-key" (a sandbox-only value, not a secret). */
  apiKey?: string;
  /** How many configs the demo account gets. Default 42. */
  configs?: number;
  /** Exporter cache TTL in ms. Default 5_000, so changes show quickly. */
  cacheTtlMs?: number;
  /** Log level of the exporter. Default "warn", to keep the terminal readable. */
  logLevel?: string;
}

/** A running demo: the seeded sandbox and the exporter reading it. */
export interface Demo {
  sandbox: Sandbox;
  exporter: Exporter;
  apiKey: string;
  close(): Promise<void>;
}

/** Default key of the demo account. It exists only in the local sandbox. */
export const DEMO_API_KEY = "demo-key";

/**
 * Starts the README's main job: the sandbox seeded with a demo account through the client, and the
 * exporter in front of it. Seeding goes through `@nineproxy/client`, as a user's own code would.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const host = options.host ?? "127.0.0.1";
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  const sandboxPort = options.sandboxPort ?? 4010;
  const exporterPort = options.exporterPort ?? 9731;
  const sandbox = await startSandbox({ port: sandboxPort, host, apiKeys: [apiKey] }).catch(
    (error: unknown) => Promise.reject(portInUse(error, "sandbox", `${host}:${sandboxPort}`)),
  );
  try {
    const client = createClient({ apiKey, baseUrl: sandbox.url });
    for (const request of demoRequests(options.configs)) await client.configs.create(request);

    const exporter = await startExporter({
      baseUrl: sandbox.url,
      apiKey,
      accountName: "demo",
      host,
      port: exporterPort,
      cacheTtlMs: options.cacheTtlMs ?? 5_000,
      logLevel: options.logLevel ?? "warn",
    }).catch((error: unknown) =>
      Promise.reject(portInUse(error, "exporter", `${host}:${exporterPort}`)),
    );
    return {
      sandbox,
      exporter,
      apiKey,
      close: async () => {
        await exporter.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** A port the demo needs is taken; the message names the demo's own flag that moves it. */
export class DemoPortError extends Error {
  override name = "DemoPortError";
}

const PORT_FLAGS = {
  sandbox: "--sandbox-port N (or SANDBOX_PORT)",
  exporter: "--exporter-port N (or EXPORTER_PORT)",
} as const;

/** `error` as a {@link DemoPortError} when it says the address is in use, else unchanged. */
function portInUse(error: unknown, which: keyof typeof PORT_FLAGS, address: string): unknown {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const codes = [error, cause].map((e) => (e as { code?: unknown } | undefined)?.code);
  if (!codes.includes("EADDRINUSE")) return error;
  return new DemoPortError(
    `the ${which} port ${address} is in use: pass ${PORT_FLAGS[which]}, or stop the other process`,
    { cause: error },
  );
}
