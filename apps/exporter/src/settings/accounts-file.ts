import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { type AccountOptions, checkAccount } from "../account.js";
import { SettingError } from "./setting-error.js";

const TOP_KEYS = new Set(["base_url", "accounts"]);
const ACCOUNT_KEYS = new Set(["name", "base_url", "api_key", "api_key_env", "pool_size"]);

/**
 * Reads the accounts of a `--config.file` (YAML):
 * `{ base_url?, accounts: [{ name, base_url?, api_key | api_key_env, pool_size? }] }`.
 * A key comes from the file or from the environment variable it names, never from a URL.
 */
export function loadAccountsFile(
  path: string,
  env: NodeJS.ProcessEnv,
  fallbackBaseUrl?: string,
): AccountOptions[] {
  const where = `--config.file ${path}`;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    // note: the errno error names only the path, so it is kept as the cause
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new SettingError(`${where}: cannot read the file (${code}): check the path`, {
      cause: error,
    });
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    // note: the YAML error's message quotes lines of the file, which may hold a key: no cause
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new SettingError(`${where}: not valid YAML${line ? ` near line ${line}` : ""}: fix it`);
  }
  return accountsOf(doc, where, env, fallbackBaseUrl);
}

/** Turns the parsed document into checked accounts. */
export function accountsOf(
  doc: unknown,
  where: string,
  env: NodeJS.ProcessEnv,
  fallbackBaseUrl?: string,
): AccountOptions[] {
  if (!isRecord(doc) || !Array.isArray(doc.accounts) || doc.accounts.length === 0) {
    throw new SettingError(`${where}: list the accounts under "accounts:" (name and api_key_env)`);
  }
  rejectUnknown(doc, TOP_KEYS, where);
  const baseUrl = optionalString(doc.base_url, `${where}: base_url`) ?? fallbackBaseUrl;
  const names = new Set<string>();

  return doc.accounts.map((entry, index) => {
    const at = `${where}: accounts[${index}]`;
    if (!isRecord(entry)) throw new SettingError(`${at} must be a mapping with a name`);
    rejectUnknown(entry, ACCOUNT_KEYS, at);
    const account: AccountOptions = {
      name: String(entry.name ?? ""),
      baseUrl: optionalString(entry.base_url, `${at}.base_url`) ?? baseUrl ?? "",
      apiKey: keyOf(entry, at, env),
      poolSize: entry.pool_size === undefined ? undefined : Number(entry.pool_size),
    };
    checkAccount(account, where);
    if (names.has(account.name)) {
      throw new SettingError(`${where}: account name "${account.name}" is used twice: rename one`);
    }
    names.add(account.name);
    return account;
  });
}

function keyOf(entry: Record<string, unknown>, at: string, env: NodeJS.ProcessEnv): string {
  const { api_key: inline, api_key_env: variable } = entry;
  if (inline !== undefined && variable !== undefined) {
    throw new SettingError(`${at}: give api_key or api_key_env, not both`);
  }
  if (variable !== undefined) {
    if (typeof variable !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new SettingError(`${at}.api_key_env must name an environment variable`);
    }
    const value = env[variable];
    if (value === undefined || value.trim() === "") {
      throw new SettingError(`${at}: environment variable ${variable} is not set: export the key`);
    }
    return value.trim();
  }
  if (typeof inline !== "string") {
    throw new SettingError(`${at}: set api_key_env (preferred) or api_key as a string`);
  }
  return inline.trim();
}

function optionalString(value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new SettingError(`${at} must be a string`);
  return value;
}

function rejectUnknown(record: Record<string, unknown>, known: Set<string>, at: string): void {
  for (const key of Object.keys(record)) {
    if (!known.has(key)) {
      throw new SettingError(`${at}: unknown field "${key}": use one of ${[...known].join(", ")}`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
