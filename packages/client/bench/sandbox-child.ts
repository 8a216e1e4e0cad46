/** The sandbox process of the benchmark. Messages: `{ seed: n }`, `{ fault }`, `{ clear: true }`. */
import { type Fault, startSandbox } from "@nineproxy/sandbox";

const apiKey = process.argv[2] ?? "";
const sb = await startSandbox({ apiKeys: [apiKey] });

process.on("message", (message: { seed?: number; fault?: Fault; clear?: boolean }) => {
  if (message.seed !== undefined) sb.seed(apiKey, message.seed);
  if (message.fault !== undefined) sb.faults.add(message.fault);
  if (message.clear) sb.faults.clear();
  process.send?.({ done: true });
});
process.send?.({ url: sb.url });
