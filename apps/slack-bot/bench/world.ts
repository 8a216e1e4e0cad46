/** The bench's outside world in its own process: the sandbox (+2 s per call) and Slack's side. */
import { startSandbox } from "@nineproxy/sandbox";
import { startResponseUrlServer } from "../test/support/response-url-server.js";

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 2000);
const sandbox = await startSandbox({ apiKeys: [process.env.BENCH_API_KEY ?? ""] });
sandbox.seed(process.env.BENCH_API_KEY ?? "", 100);
sandbox.faults.add({ route: "*", kind: "latency", ms: latencyMs });
const slack = await startResponseUrlServer(Date.now, true);
process.stdout.write(`${JSON.stringify({ sandboxUrl: sandbox.url, slackUrl: slack.url })}\n`);
process.on("SIGTERM", () => {
  Promise.all([slack.close(), sandbox.close()]).then(() => process.exit(0));
});
