import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** A page the handler returns. */
export interface Page {
  status: number;
  contentType: string;
  body: string;
}

/** What the server asks of the exporter, one method per route. */
export interface Routes {
  telemetryPath: string;
  landing(): Page;
  metrics(req: IncomingMessage): Promise<Page>;
  probe(target: string | null, req: IncomingMessage): Promise<Page>;
  /** Told when a route throws; the scraper then gets a 500 without details. */
  onError(route: string, error: unknown): void;
}

const TEXT = "text/plain; charset=utf-8";

/** Routes a request to a page. Unknown paths are 404; methods other than GET and HEAD are 405. */
async function route(routes: Routes, req: IncomingMessage): Promise<Page> {
  const url = new URL(req.url ?? "/", "http://exporter.invalid");
  if (req.method !== "GET" && req.method !== "HEAD") {
    return { status: 405, contentType: TEXT, body: "method not allowed: use GET\n" };
  }
  if (url.pathname === routes.telemetryPath) return routes.metrics(req);
  if (url.pathname === "/probe") return routes.probe(url.searchParams.get("target"), req);
  if (url.pathname === "/healthz") return { status: 200, contentType: TEXT, body: "ok\n" };
  if (url.pathname === "/") return routes.landing();
  return { status: 404, contentType: TEXT, body: "not found\n" };
}

/** The exporter's HTTP server. A failing route answers 500; nothing here can crash the process. */
export function createExporterServer(routes: Routes): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    route(routes, req)
      .catch((error: unknown): Page => {
        routes.onError(req.url?.split("?")[0] ?? "", error);
        return { status: 500, contentType: TEXT, body: "internal error: see the exporter's log\n" };
      })
      .then((page) => {
        res.writeHead(page.status, {
          "Content-Type": page.contentType,
          "Content-Length": Buffer.byteLength(page.body),
          "Cache-Control": "no-store",
        });
        res.end(req.method === "HEAD" ? undefined : page.body);
      })
      .catch(() => res.destroy());
  });
}
