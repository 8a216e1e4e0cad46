import { SettingError } from "./settings/setting-error.js";

/** One 9Proxy account the exporter watches. */
export interface AccountOptions {
  /** Name shown in the `account` label and used as `/probe?target=<name>`. */
  name: string;
  /** The API's address, e.g. https://api.9proxy.com or http://127.0.0.1:4010. No default. */
  baseUrl: string;
  /** The account's API key (from the dashboard). Never shown in a label, log, error or page. */
  apiKey: string;
  /** Size of the account's port pool, when known: enables the pool size and share-in-use. */
  poolSize?: number | undefined;
}

const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/** Checks an account's fields; throws a one-line `SettingError` that never holds the key. */
export function checkAccount(account: AccountOptions, where: string): void {
  checkAccountName(account.name, where);
  checkBaseUrl(account.baseUrl, `${where} (account "${account.name}")`);
  if (typeof account.apiKey !== "string" || account.apiKey.trim() === "") {
    throw new SettingError(
      `${where}: account "${account.name}" has no API key: create one in the 9Proxy dashboard and set it`,
    );
  }
  const pool = account.poolSize;
  if (pool !== undefined && (!Number.isInteger(pool) || pool <= 0)) {
    throw new SettingError(
      `${where}: account "${account.name}" pool size must be a positive integer of ports`,
    );
  }
}

/** Throws unless `name` can be an `account` label and a `/probe` target. */
export function checkAccountName(name: unknown, where: string): void {
  if (typeof name !== "string" || !ACCOUNT_NAME.test(name)) {
    throw new SettingError(
      `${where}: account name "${String(name)}" is invalid: use 1-63 letters, digits, ".", "_" or "-"`,
    );
  }
}

/** Throws unless `value` is an http(s) URL without query, fragment or credentials. */
export function checkBaseUrl(value: unknown, where: string): void {
  const example = "e.g. https://api.9proxy.com or http://127.0.0.1:4010";
  if (typeof value !== "string" || value.trim() === "") {
    throw new SettingError(`${where}: the API base URL is not set: set it, ${example}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingError(`${where}: the API base URL is not an absolute URL: use ${example}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SettingError(`${where}: the API base URL must use http or https: use ${example}`);
  }
  // note: the URL is not echoed, since someone may have pasted a key into it
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new SettingError(
      `${where}: the API base URL must not carry a query, fragment or credentials: give the key separately`,
    );
  }
}
