#!/usr/bin/env node
import { VERSION } from "./build-info.js";
import { startExporter } from "./exporter.js";
import { createLogger } from "./logger.js";
import { helpText } from "./settings/help.js";
import { parseSettings } from "./settings/parse-settings.js";
import { SettingError } from "./settings/setting-error.js";

/** Runs the exporter from the command line until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const command = parseSettings(process.argv.slice(2), process.env);
  if (command.kind === "help") {
    process.stdout.write(helpText(VERSION));
    return;
  }
  if (command.kind === "version") {
    process.stdout.write(`nineproxy-exporter ${VERSION}\n`);
    return;
  }

  const logger = createLogger(command.options.logLevel);
  // note: a stray rejection (e.g. a page fetched ahead and abandoned) must not end the process
  process.on("unhandledRejection", (reason) => {
    const err = reason instanceof Error ? reason.name : typeof reason;
    logger.error({ err }, "unhandled rejection");
  });
  const exporter = await startExporter({ ...command.options, logger });
  // note: close() logs "exporter stopped" once open scrapes are answered
  const stop = () => {
    exporter.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  // note: a SettingError is one line that names the setting and the fix; anything else is a bug
  const line =
    error instanceof SettingError
      ? error.message
      : `unexpected ${error instanceof Error ? error.name : typeof error}`;
  process.stderr.write(`nineproxy-exporter: ${line}\n`);
  process.exit(error instanceof SettingError ? 2 : 1);
});
