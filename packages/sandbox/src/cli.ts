#!/usr/bin/env node
/**
 * `nineproxy-sandbox`: the sandbox from the command line. Logs one JSON line per request (pino),
 * never the API key, and stops cleanly on SIGTERM or SIGINT.
 */
import { pino } from "pino";
import { HELP, parseCliArgs } from "./cli-args.js";
import { CliError } from "./errors.js";
import { startSandbox } from "./sandbox.js";

async function main(): Promise<void> {
  let settings: ReturnType<typeof parseCliArgs>;
  try {
    settings = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`nineproxy-sandbox: ${error.message}\n`);
    process.exit(2);
  }
  if (settings.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }

  const logger = pino({ name: "nineproxy-sandbox", level: settings.logLevel });
  const sb = await startSandbox({
    port: settings.port,
    host: settings.host,
    apiKeys: settings.apiKeys,
    faults: settings.faults,
    ...(settings.maxLimit === undefined ? {} : { maxLimit: settings.maxLimit }),
    ...(settings.maxQuantity === undefined ? {} : { maxQuantity: settings.maxQuantity }),
    logger,
  });
  if (settings.seed > 0) for (const key of settings.apiKeys) sb.seed(key, settings.seed);
  logger.info(
    {
      url: sb.url,
      accounts: settings.apiKeys.length,
      seeded: settings.seed,
      faults: settings.faults,
    },
    "sandbox listening",
  );

  const stop = (signal: string) => {
    logger.info({ signal }, "sandbox stopping");
    sb.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  // e.g. the port is taken: one line, then a non-zero exit
  const code = (error as { code?: string }).code;
  const hint = code === "EADDRINUSE" ? ": the port is taken, pick another with --port" : "";
  process.stderr.write(`nineproxy-sandbox: ${(error as Error).message}${hint}\n`);
  process.exit(1);
});
