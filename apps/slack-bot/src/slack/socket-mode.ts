import type { App, SocketModeReceiver } from "@slack/bolt";
import { SocketStartTimeoutError } from "../errors.js";
import { startHealthServer } from "./health-server.js";

/** Options of {@link startSocketMode}. */
export interface SocketModeOptions {
  /** The Bolt app, built on `receiver`. */
  app: App;
  receiver: SocketModeReceiver;
  /** Port and interface of `/healthz`. */
  port: number;
  host: string;
  /** How long to wait for the socket to open before giving up. */
  startTimeoutMs: number;
  /** How long `close()` waits for work in flight. */
  drainTimeoutMs: number;
  /** Work acked but not yet answered; `close()` waits for it. */
  inflight: ReadonlySet<Promise<void>>;
}

/** How long `close()` waits for Slack to answer the socket's close frame. */
const SOCKET_CLOSE_TIMEOUT_MS = 5_000;

/**
 * Starts Bolt over Socket Mode and serves `/healthz` (503 while the socket is down or closing).
 * Rejects when Slack refuses or the socket does not open in time, leaving nothing listening
 * and no socket retrying.
 */
export async function startSocketMode(
  options: SocketModeOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const { app } = options;
  const client = options.receiver.client;

  // health: follows the socket, and stays at 503 once closing
  let state: "connecting" | "ok" | "not connected" | "closing" = "connecting";
  client.on("connected", () => {
    if (state !== "closing") state = "ok";
  });
  client.on("close", () => {
    if (state !== "closing") state = "not connected";
  });
  const health = await startHealthServer(options.port, options.host, () => state);
  const closeHealth = () =>
    new Promise<void>((resolve) => {
      health.server.closeAllConnections();
      health.server.close(() => resolve());
    });
  const disconnect = async () => {
    const disconnected = new Promise<void>((resolve) => client.once("disconnected", resolve));
    await app.stop();
    // note: Slack answers the close frame at once; a peer that does not is cut off after 5 s
    // (the library alone would wait 30 s)
    const gaveUp = await Promise.race([
      disconnected.then(() => false),
      delay(SOCKET_CLOSE_TIMEOUT_MS).then(() => true),
    ]);
    if (gaveUp) await client.disconnect();
  };

  try {
    await startWithin(app, options.startTimeoutMs);
  } catch (error) {
    // note: a refused app token must not leave /healthz listening or a socket retrying
    await disconnect().catch(() => undefined);
    await closeHealth();
    throw error;
  }
  return {
    url: health.url,
    close: async () => {
      // stop taking envelopes (Slack stops sending on a closed socket), finish work, then stop
      state = "closing";
      await disconnect();
      await Promise.race([
        Promise.allSettled([...options.inflight]),
        delay(options.drainTimeoutMs),
      ]);
      await closeHealth();
    },
  };
}

/** Starts the app, or rejects with {@link SocketStartTimeoutError} after `limitMs`. */
async function startWithin(app: App, limitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SocketStartTimeoutError(limitMs)), limitMs);
  });
  const starting = app.start();
  // note: a start given up on may still settle later; that must not be an unhandled rejection
  starting.catch(() => undefined);
  try {
    await Promise.race([starting, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`, without keeping the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
