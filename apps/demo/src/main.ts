import { parseArgs } from "node:util";
import { startDemo } from "./demo.js";

const USAGE = `usage: npm run demo -- [--sandbox-port N] [--exporter-port N]
  --sandbox-port   port of the local sandbox API (default 4010, env SANDBOX_PORT)
  --exporter-port  port of the Prometheus exporter (default 9731, env EXPORTER_PORT)`;

function stop(line: string): never {
  console.error(`demo: ${line}`);
  process.exit(2);
}

function portFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    stop(`${name} "${value}" is not a port: give a whole number from 0 to 65535`);
  }
  return port;
}

const parsed = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
      options: {
        "sandbox-port": { type: "string" },
        "exporter-port": { type: "string" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    return stop(`${(error as Error).message}\n${USAGE}`);
  }
})();
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}

const sandboxPort = portFrom(
  "--sandbox-port",
  parsed.values["sandbox-port"] ?? process.env.SANDBOX_PORT,
  4010,
);
const exporterPort = portFrom(
  "--exporter-port",
  parsed.values["exporter-port"] ?? process.env.EXPORTER_PORT,
  9731,
);

let demo: Awaited<ReturnType<typeof startDemo>>;
try {
  demo = await startDemo({ sandboxPort, exporterPort });
} catch (error) {
  stop(error instanceof Error ? error.message : String(error));
}

const count = demo.sandbox.configs(demo.apiKey).length;
console.log(`
  9Proxy toolkit demo is running (${count} configs in the demo account).

  Sandbox API   ${demo.sandbox.url}
                curl '${demo.sandbox.url}/client/v1/proxy-connection/get-list?api-key=${demo.apiKey}&limit=5&order_by=asc'
  Exporter      ${demo.exporter.url}/
  Metrics       ${demo.exporter.metricsUrl}
                curl -s ${demo.exporter.metricsUrl} | grep '^nineproxy_'

  The demo key "${demo.apiKey}" exists only in this local sandbox. Press Ctrl+C to stop.
`);

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`demo: ${signal}, stopping`);
  await demo.close();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
