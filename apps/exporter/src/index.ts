/**
 * Prometheus exporter of 9Proxy port usage: reads the Proxy Connect Config API through
 * `@nineproxy/client` on scrape, behind a shared cache.
 */
export type { AccountOptions } from "./account.js";
export { VERSION } from "./build-info.js";
export { type Exporter, startExporter } from "./exporter.js";
export type { Logger } from "./logger.js";
export { allFamilies } from "./metrics/registry.js";
export { DEFAULT_HOST, DEFAULT_PORT, type ExporterOptions } from "./options.js";
export { loadAccountsFile } from "./settings/accounts-file.js";
export { helpText } from "./settings/help.js";
export { type Command, parseSettings } from "./settings/parse-settings.js";
export { SettingError } from "./settings/setting-error.js";
