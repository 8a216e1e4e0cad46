import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Serves `/healthz` alone, for Socket Mode (the HTTP receiver serves it otherwise): 200 `ok`, or
 * 503 with the reason `status()` gives (e.g. the socket is down).
 */
export async function startHealthServer(
  port: number,
  host: string,
  status: () => string = () => "ok",
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const found = req.url === "/healthz";
    const state = found ? status() : "not found";
    res.writeHead(found ? (state === "ok" ? 200 : 503) : 404, { "content-type": "text/plain" });
    res.end(state);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${address.address}:${address.port}` };
}
