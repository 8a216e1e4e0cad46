import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Serves `/healthz` alone, for Socket Mode (the HTTP receiver serves it otherwise). */
export async function startHealthServer(
  port: number,
  host: string,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const ok = req.url === "/healthz";
    res.writeHead(ok ? 200 : 404, { "content-type": "text/plain" });
    res.end(ok ? "ok" : "not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${address.address}:${address.port}` };
}
