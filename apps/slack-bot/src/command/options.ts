import { parseDuration } from "./duration.js";
import type { ConfigOptions } from "./types.js";

/** A failure while reading one option token. */
export interface OptionError {
  message: string;
  token: string;
}

type TargetKey = "country" | "state" | "city" | "isp" | "proxyType";

const KEY_ALIASES: Record<string, TargetKey> = {
  country: "country",
  country_code: "country",
  state: "state",
  state_code: "state",
  city: "city",
  city_code: "city",
  isp: "isp",
  isp_code: "isp",
  type: "proxyType",
  proxy_type: "proxyType",
};
const CODE = /^[\p{L}\p{N}_.&\- ]{1,64}$/u;
const CODE_PUNCTUATION = "`_`, `.`, `&`, `-`";

/** Splits `key=value` (or `key:value`) into a lower-case key and a trimmed value. */
export function splitKeyValue(token: string): { key: string; value: string } | undefined {
  const at = token.search(/[=:]/);
  if (at <= 0) return undefined;
  return { key: token.slice(0, at).trim().toLowerCase(), value: token.slice(at + 1).trim() };
}

/** Reads a two-letter country code, upper-cased; undefined when it is not one. */
export function readCountry(value: string): string | undefined {
  return /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined;
}

/**
 * Reads the targeting and session options of `create`/`update`.
 * `allowType` is false for update: the vendor's update has no `proxy_type`.
 */
export function readConfigOptions(
  tokens: string[],
  allowType: boolean,
): { ok: true; options: ConfigOptions } | { ok: false; error: OptionError } {
  const options: ConfigOptions = {};
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const kv = splitKeyValue(token);
    const word = kv?.key ?? lower;

    // session: `sticky`, `sticky=30m`, `rotating`
    if (word === "sticky" || word === "rotating" || word === "rotate" || word === "rotation") {
      if (options.session) {
        return fail(`Give the session once: \`${token}\` repeats or contradicts it.`, token);
      }
      if (word !== "sticky") {
        if (kv) return fail(`\`rotating\` takes no value (got \`${token}\`).`, token);
        options.session = { mode: "rotating" };
        continue;
      }
      if (!kv) {
        options.session = { mode: "sticky" };
        continue;
      }
      const minutes = parseDuration(kv.value);
      if (minutes === undefined) {
        return fail(
          `\`${token}\`: the sticky time must be minutes like \`30\`, \`30m\` or \`2h\` ` +
            "(1 minute to 24 hours).",
          token,
        );
      }
      options.session = { mode: "sticky", minutes };
      continue;
    }

    // targeting: `key=value`
    const key = kv && Object.hasOwn(KEY_ALIASES, kv.key) ? KEY_ALIASES[kv.key] : undefined;
    if (!kv || !key) return fail(`Unknown option \`${token}\`.`, token);
    if (options[key] !== undefined)
      return fail(`\`${token}\`: \`${kv.key}\` is given twice.`, token);
    if (kv.value === "") return fail(`\`${token}\` needs a value after \`=\`.`, token);
    if (key === "country") {
      const country = readCountry(kv.value);
      if (!country) return fail(`\`${token}\`: a country is a two-letter code like \`US\`.`, token);
      options.country = country;
    } else if (key === "proxyType") {
      if (!allowType)
        return fail(`\`${token}\`: the proxy type cannot be changed by update.`, token);
      if (!/^\d{1,4}$/.test(kv.value)) {
        return fail(`\`${token}\`: the proxy type is a whole number like \`1\`.`, token);
      }
      options.proxyType = Number(kv.value);
    } else {
      if (!CODE.test(kv.value)) {
        return fail(
          `\`${token}\`: a ${key} code is 1–64 letters, digits, spaces or ${CODE_PUNCTUATION}.`,
          token,
        );
      }
      options[key] = kv.value;
    }
  }
  return { ok: true, options };
}

function fail(message: string, token: string): { ok: false; error: OptionError } {
  return { ok: false, error: { message, token } };
}
