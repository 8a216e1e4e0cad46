/**
 * `@nineproxy/sandbox`: 9Proxy's Proxy Connect Config API run locally, stateful and faithful to
 * the spec, with fault injection for testing clients.
 * @see ../../../openapi/openapi.yaml
 */
export type { StoredConfig } from "./account.js";
export type { Applied } from "./api.js";
export {
  CliError,
  FaultError,
  SandboxError,
  SandboxOptionError,
  SeedError,
  UnknownAccountError,
} from "./errors.js";
export {
  FAULT_KINDS,
  FAULT_ROUTES,
  type Fault,
  type FaultRoute,
  type FaultScope,
} from "./fault.js";
export type { FaultHandle, SandboxFaults } from "./fault-registry.js";
export { FAULT_SYNTAX, parseFault } from "./fault-spec.js";
export { ADMIN_PREFIX } from "./handler.js";
export { DEFAULT_SERVERS, type SandboxLogger, type SandboxOptions } from "./options.js";
export type { ServerPorts } from "./port-pool.js";
export { redactUrl } from "./redact.js";
export { DEFAULT_LIMIT } from "./requests.js";
export { type Sandbox, startSandbox } from "./sandbox.js";
export type { SeedConfig } from "./seed.js";
