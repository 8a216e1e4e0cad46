/**
 * `pnpm example`: the README's example, run against a sandbox started here on loopback.
 */
import { startSandbox } from "@nineproxy/sandbox";
import { createClient, OutcomeUnknownError } from "../src/index.js";

const sandbox = await startSandbox({ apiKeys: ["demo-key"] });
sandbox.seed("demo-key", 250);

const client = createClient({ apiKey: "demo-key", baseUrl: sandbox.url });
try {
  let count = 0;
  for await (const config of client.configs.items({ sort_by: "start_port", order_by: "asc" })) {
    if (count++ < 3)
      console.log(config.server_id, config.start_port, config.end_port, config.country_code);
  }
  console.log(`${count} configs`);

  const created = await client.configs.create({ quantity: 10, session_type: 2, session_time: 15 });
  const startPort = created.start_port as number;
  console.log("created", startPort, "..", created.end_port);
  await client.configs.update({ start_port: startPort, session_type: 1 });
  console.log("deleted", await client.configs.delete([startPort]));
} catch (error) {
  // a create or delete that may or may not have been applied: look before sending it again
  if (error instanceof OutcomeUnknownError) console.error(error.message);
  else throw error;
} finally {
  await sandbox.close();
}
