import { parseArgs } from "node:util";
import { CliError } from "./errors.js";
import type { Fault } from "./fault.js";
import { FAULT_SYNTAX, parseFault } from "./fault-spec.js";
import { DEFAULT_SERVERS } from "./options.js";

/** What the command line asks for. */
export interface CliSettings {
  port: number;
  host: string;
  apiKeys: string[];
  faults: Fault[];
  /** Generated configs to seed into each account at start. */
  seed: number;
  maxLimit?: number;
  maxQuantity?: number;
  logLevel: string;
  help: boolean;
}

/** Env var with comma-separated API keys, added to those given by `--api-key`. */
export const API_KEYS_ENV = "NINEPROXY_SANDBOX_API_KEYS";

/** Default port of the command line (the library's default is 0, an ephemeral port). */
export const CLI_DEFAULT_PORT = 4010;

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

// each seeded config takes one port of the account's pool, which the CLI cannot change
const MAX_SEED = DEFAULT_SERVERS.reduce((sum, s) => sum + s.lastPort - s.firstPort + 1, 0);

/** The `--help` text. */
export const HELP = `Usage: nineproxy-sandbox [flags]

Runs 9Proxy's Proxy Connect Config API locally, one account per API key.

Flags:
  --port N            port to listen on (default ${CLI_DEFAULT_PORT}; 0 picks a free one)
  --host ADDR         address to listen on (default 127.0.0.1)
  --api-key KEY       an account's API key; repeat for more accounts
                      (also ${API_KEYS_ENV}=KEY1,KEY2)
  --fault SPEC        inject a fault; repeatable. SPEC is
                      ${FAULT_SYNTAX}
  --seed N            seed N generated configs into each account at start (default 0)
  --max-limit N       largest page size a list accepts (default 100)
  --max-quantity N    largest quantity a create accepts (default 1000)
  --log-level LEVEL   ${LOG_LEVELS.join("|")} (default info)
  -h, --help          print this help

Faults can also be changed while running: POST/GET/DELETE /__sandbox/faults.`;

/** Reads argv (without node and the script) and the environment; throws CliError when wrong. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = {}): CliSettings {
  const { values } = readFlags(argv);
  const fromEnv = (env[API_KEYS_ENV] ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key !== "");
  const apiKeys = [...new Set([...(values["api-key"] ?? []), ...fromEnv])];
  const settings: CliSettings = {
    port: integerFlag("port", values.port, CLI_DEFAULT_PORT, 0, 65535),
    host: values.host ?? "127.0.0.1",
    apiKeys,
    faults: (values.fault ?? []).map(faultFlag),
    seed: integerFlag("seed", values.seed, 0, 0, MAX_SEED),
    logLevel: values["log-level"] ?? "info",
    help: values.help ?? false,
  };
  if (values["max-limit"] !== undefined) {
    settings.maxLimit = integerFlag("max-limit", values["max-limit"], 100, 1, 1_000_000);
  }
  if (values["max-quantity"] !== undefined) {
    settings.maxQuantity = integerFlag("max-quantity", values["max-quantity"], 1000, 1, 65535);
  }
  if (settings.help) return settings;
  if (!LOG_LEVELS.includes(settings.logLevel)) {
    throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(", ")}`);
  }
  if (apiKeys.includes("")) throw new CliError("--api-key needs a non-empty key");
  if (apiKeys.length === 0) {
    throw new CliError(
      `no API key: pass --api-key KEY (repeatable) or set ${API_KEYS_ENV}=KEY1,KEY2`,
    );
  }
  if (settings.host.trim() === "") throw new CliError("--host needs an address, e.g. 127.0.0.1");
  return settings;
}

function readFlags(argv: string[]) {
  try {
    return parseArgs({
      // note: `pnpm start -- --help` passes the -- on; after it every flag would be a positional
      args: argv[0] === "--" ? argv.slice(1) : argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "api-key": { type: "string", multiple: true },
        fault: { type: "string", multiple: true },
        seed: { type: "string" },
        "max-limit": { type: "string" },
        "max-quantity": { type: "string" },
        "log-level": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new CliError(describeParseError(error as Error & { code?: string }), { cause: error });
  }
}

function describeParseError(error: Error & { code?: string }): string {
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown flag ${flag}: run with --help for the flags`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `flag ${flag} needs a value: ${flag} VALUE, or ${flag}=VALUE when it starts with "-"`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${quoted(error.message)}: flags take the form --name value`;
    default:
      return `${error.message}: run with --help for the flags`;
  }
}

function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? "";
}

function integerFlag(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new CliError(`--${name} must be an integer ${min}-${max}, got "${text}"`);
  }
  return value;
}

function faultFlag(spec: string): Fault {
  try {
    return parseFault(spec);
  } catch (error) {
    throw new CliError(`--fault ${(error as Error).message}`, { cause: error });
  }
}
