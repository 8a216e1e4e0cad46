import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry, RegistryContentType } from "prom-client";
import { VERSION } from "./build-info.js";
import { landingPage } from "./http/landing-page.js";
import { formatFor } from "./http/negotiate.js";
import { scrapeBudgetMs } from "./http/scrape-budget.js";
import { createExporterServer, type Page } from "./http/server.js";
import { createLogger } from "./logger.js";
import type { AccountView } from "./metrics/family.js";
import { buildRegistry, type Format } from "./metrics/registry.js";
import { type ExporterOptions, resolveOptions } from "./options.js";
import { keyScrubber } from "./redact.js";
import { SettingError } from "./settings/setting-error.js";
import { watchAccount } from "./watch-account.js";

/** A running exporter. */
export interface Exporter {
  /** Base URL it answers on, e.g. "http://127.0.0.1:9731". */
  url: string;
  /** Full URL of the metrics page. */
  metricsUrl: string;
  /** Stops listening, cancels reads in flight and waits for open requests (up to 5 s). */
  close(): Promise<void>;
}

const TEXT = "text/plain; charset=utf-8";
const CLOSE_GRACE_MS = 5000;
const PAGE_REUSE_MS = 1000;

/**
 * Starts the exporter: an HTTP server with `/metrics` (every account), `/probe?target=<account>`,
 * `/healthz` and a landing page on `/`. Throws a one-line `SettingError` for a bad option.
 * @example
 * const exporter = await startExporter({ baseUrl: "http://127.0.0.1:4010", apiKey, port: 9731 });
 */
export async function startExporter(options: ExporterOptions): Promise<Exporter> {
  const resolved = resolveOptions(options);
  const logger = options.logger ?? createLogger(options.logLevel);
  const scrub = keyScrubber(resolved.accounts.map((a) => a.apiKey));
  const views = resolved.accounts.map((a) => watchAccount(a, resolved, logger, scrub));
  const errName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

  // one registry per format and per view, built on first use
  const registries = new Map<string, Registry<RegistryContentType>>();
  const registryFor = (key: string, accounts: AccountView[], format: Format, all: boolean) => {
    const id = `${key}\u0000${format}`;
    let registry = registries.get(id);
    if (registry === undefined) {
      registry = buildRegistry({
        accounts,
        format,
        details: resolved.details,
        processMetrics: all && resolved.defaultMetrics,
        onError: (family, error) => logger.error({ family, err: errName(error) }, "collect failed"),
      });
      registries.set(id, registry);
    }
    return registry;
  };

  const render = async (req: IncomingMessage, accounts: AccountView[], key: string | null) => {
    const budget = scrapeBudgetMs(
      req.headers["x-prometheus-scrape-timeout-seconds"],
      resolved.scrapeTimeoutMs,
      resolved.scrapeTimeoutOffsetMs,
    );
    await Promise.all(accounts.map((view) => view.cache.refresh(budget)));
    const format = formatFor(req.headers.accept);
    const registry = registryFor(key ?? "", accounts, format, key === null);
    return {
      status: 200,
      contentType: registry.contentType,
      body: await renderOnce(`${key ?? ""}\u0000${format}`, registry, accounts),
    };
  };

  // note: a rendered page is reused (also while it renders) until a read ends or PAGE_REUSE_MS
  // passes, so a burst of scrapes costs one rendering; only the process metrics can be that old
  const pages = new Map<string, { at: number; generation: string; body: Promise<string> }>();
  const renderOnce = (
    id: string,
    registry: Registry<RegistryContentType>,
    accounts: AccountView[],
  ) => {
    const generation = accounts.map((view) => view.cache.generation).join(",");
    const now = Date.now();
    const page = pages.get(id);
    if (page !== undefined && page.generation === generation && now - page.at < PAGE_REUSE_MS) {
      return page.body;
    }
    const body = registry.metrics();
    body.catch(() => pages.delete(id));
    pages.set(id, { at: now, generation, body });
    return body;
  };

  const server = createExporterServer({
    telemetryPath: resolved.telemetryPath,
    landing: (): Page => ({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: landingPage({
        version: VERSION,
        telemetryPath: resolved.telemetryPath,
        accounts: views.map((v) => v.name),
      }),
    }),
    metrics: (req) => render(req, views, null),
    probe: async (target, req) => {
      const view = views.find((v) => v.name === target);
      if (view !== undefined) return render(req, [view], view.name);
      const names = views.map((v) => v.name).join(", ");
      const body = `unknown target: use /probe?target=<account>, one of: ${names}\n`;
      return { status: 400, contentType: TEXT, body };
    },
    onError: (route, error) => {
      logger.error({ route: scrub(route), err: errName(error) }, "route failed");
    },
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  await listen(server, resolved.host, resolved.port);
  const address = server.address() as AddressInfo;
  const shownHost = resolved.host ?? "127.0.0.1";
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${address.port}`;
  logger.info(
    {
      url: scrub(url),
      telemetryPath: resolved.telemetryPath,
      accounts: views.map((v) => v.name),
      cacheTtlMs: resolved.cacheTtlMs,
      cacheFailureTtlMs: resolved.cacheFailureTtlMs,
      details: resolved.details,
    },
    "exporter listening",
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      for (const view of views) view.cache.close();
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.close(() => {
        clearTimeout(force);
        logger.info({ url }, "exporter stopped");
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, metricsUrl: `${url}${resolved.telemetryPath}`, close };
}

function listen(
  server: ReturnType<typeof createExporterServer>,
  host: string | undefined,
  port: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${host ?? ""}:${port}`;
      const fix =
        error.code === "EADDRINUSE"
          ? "the port is in use: stop the other process or pick another port"
          : `cannot listen (${error.code ?? error.name}): pick another address`;
      reject(new SettingError(`--web.listen-address ${where}: ${fix}`, { cause: error }));
    };
    server.once("error", onError);
    server.listen({ host, port }, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
