import { ORDER_DIRECTIONS, type OrderBy, SORT_FIELDS, type SortBy } from "@nineproxy/api-types";
import { readConfigOptions, readCountry, splitKeyValue } from "./options.js";
import { normalizeText, tokenize } from "./text.js";
import type { Command, CommandName, ParseResult } from "./types.js";
import { COMMAND_NAMES } from "./types.js";
import { MAX_CREATE_QUANTITY, MAX_DELETE_PORTS, usageOf } from "./usage-text.js";

const ALIASES: Record<string, CommandName> = {
  "?": "help",
  ls: "list",
  get: "show",
  new: "create",
  add: "create",
  edit: "update",
  set: "update",
  rm: "delete",
  remove: "delete",
};
const MAX_PAGE = 100_000;

/** Parses the text of a `/proxy` command into a command, or an error naming the bad token. */
export function parseCommand(raw: string, slash = "/proxy"): ParseResult {
  const tokens = mergeEquals(tokenize(normalizeText(raw)));
  const [head, ...rest] = tokens;
  if (head === undefined) return { ok: true, command: { name: "help" } };
  const name = commandName(head);
  if (!name) {
    return {
      ok: false,
      error: {
        message: `Unknown command \`${head}\`. Commands: ${COMMAND_NAMES.join(", ")}.`,
        token: head,
        usage: `${slash} help`,
      },
    };
  }
  const result = parseArgs(name, rest);
  if (result.ok) return result;
  return { ok: false, error: { ...result.error, command: name, usage: usageOf(name, slash) } };
}

type ArgsResult = { ok: true; command: Command } | { ok: false; error: ArgError };
interface ArgError {
  message: string;
  token?: string;
  usage: string;
}

function parseArgs(name: CommandName, args: string[]): ArgsResult {
  switch (name) {
    case "help": {
      if (args.length === 0) return ok({ name: "help" });
      const topic = args.length === 1 ? commandName(args[0] ?? "") : undefined;
      if (!topic) return bad(`Unknown help topic \`${args.join(" ")}\`.`, args[0]);
      return ok({ name: "help", topic });
    }
    case "usage":
      return args.length === 0 ? ok({ name: "usage" }) : bad(extra(name, args[0]), args[0]);
    case "show": {
      if (args.length === 0) return bad("`show` needs a start port, like `show 10000`.");
      if (args.length > 1) return bad(extra(name, args[1]), args[1]);
      const port = readPort(args[0] ?? "");
      return port === undefined ? badPort(args[0]) : ok({ name: "show", startPort: port });
    }
    case "delete":
      return parseDelete(args);
    case "list":
      return parseList(args);
    case "create": {
      const [first, ...options] = args;
      if (first === undefined) return bad("`create` needs a quantity, like `create 10`.");
      const quantity = /^\d{1,7}$/.test(first) ? Number(first) : Number.NaN;
      if (!(quantity >= 1 && quantity <= MAX_CREATE_QUANTITY)) {
        return bad(
          `\`${first}\` is not a quantity: give a whole number of ports from 1 to ` +
            `${MAX_CREATE_QUANTITY}.`,
          first,
        );
      }
      const read = readConfigOptions(options, true);
      if (!read.ok) return bad(read.error.message, read.error.token);
      return ok({ name: "create", quantity, options: read.options });
    }
    case "update": {
      const [first, ...options] = args;
      if (first === undefined) return bad("`update` needs a start port, like `update 10000`.");
      const startPort = readPort(first);
      if (startPort === undefined) return badPort(first);
      const read = readConfigOptions(options, false);
      if (!read.ok) return bad(read.error.message, read.error.token);
      if (Object.keys(read.options).length === 0) {
        return bad("`update` needs at least one change, like `sticky=30m` or `country=US`.");
      }
      return ok({ name: "update", startPort, options: read.options });
    }
  }
}

function parseDelete(args: string[]): ArgsResult {
  const parts = args.flatMap((a) => a.split(",")).filter((p) => p !== "");
  if (parts.length === 0) return bad("`delete` needs at least one start port.");
  const ports: number[] = [];
  for (const part of parts) {
    const port = readPort(part);
    if (port === undefined) return badPort(part);
    if (!ports.includes(port)) ports.push(port);
  }
  if (ports.length > MAX_DELETE_PORTS) {
    return bad(`At most ${MAX_DELETE_PORTS} start ports per delete (got ${ports.length}).`);
  }
  return ok({ name: "delete", startPorts: ports });
}

function parseList(args: string[]): ArgsResult {
  const command: Extract<Command, { name: "list" }> = { name: "list", page: 1 };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const token = args[i] ?? "";
    const lower = token.toLowerCase();
    const kv = splitKeyValue(token);
    let key: string;
    let value: string | undefined;
    if (kv) {
      key = kv.key;
      value = kv.value;
    } else if (lower === "asc" || lower === "desc") {
      key = "order";
      value = lower;
    } else if (/^\d+$/.test(token)) {
      key = "page";
      value = token;
    } else {
      key = lower;
      value = args[++i];
      if (value === undefined && (key === "page" || key === "sort")) {
        return bad(`\`${token}\` needs a value, like \`${key} ${key === "page" ? 2 : "id"}\`.`);
      }
    }
    const canonical = Object.hasOwn(LIST_KEYS, key) ? LIST_KEYS[key] : undefined;
    if (!canonical) return bad(`Unknown list option \`${token}\`.`, token);
    const shown = kv ? token : `${token} ${value ?? ""}`.trim();
    if (seen.has(canonical)) return bad(`\`${shown}\`: \`${canonical}\` is given twice.`, shown);
    seen.add(canonical);
    const v = value ?? "";
    if (canonical === "page") {
      const page = /^\d{1,6}$/.test(v) ? Number(v) : Number.NaN;
      if (!(page >= 1 && page <= MAX_PAGE)) {
        return bad(`\`${shown}\`: a page is a whole number from 1.`, shown);
      }
      command.page = page;
    } else if (canonical === "sort") {
      const field = v.toLowerCase().replace(/-/g, "_");
      if (!(SORT_FIELDS as readonly string[]).includes(field)) {
        return bad(`\`${shown}\`: sort by one of ${SORT_FIELDS.join(", ")}.`, shown);
      }
      command.sortBy = field as SortBy;
    } else if (canonical === "order") {
      const order = v.toLowerCase();
      if (!(ORDER_DIRECTIONS as readonly string[]).includes(order)) {
        return bad(`\`${shown}\`: order is \`asc\` or \`desc\`.`, shown);
      }
      command.orderBy = order as OrderBy;
    } else {
      const country = readCountry(v);
      if (!country) return bad(`\`${shown}\`: a country is a two-letter code like \`US\`.`, shown);
      command.country = country;
    }
  }
  return ok(command);
}

const LIST_KEYS: Record<string, "page" | "sort" | "order" | "country"> = {
  page: "page",
  p: "page",
  sort: "sort",
  sort_by: "sort",
  order: "order",
  order_by: "order",
  country: "country",
  country_code: "country",
};

function commandName(word: string): CommandName | undefined {
  const lower = word.toLowerCase();
  if ((COMMAND_NAMES as readonly string[]).includes(lower)) return lower as CommandName;
  return Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : undefined;
}

/** Joins `key = value` and `key= value` written with spaces into one `key=value` token. */
function mergeEquals(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (last !== undefined && (last.endsWith("=") || token.startsWith("="))) {
      out[out.length - 1] = last + token;
    } else {
      out.push(token);
    }
  }
  return out;
}

function readPort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function extra(name: CommandName, token: string | undefined): string {
  return `\`${name}\` takes nothing more, but got \`${token}\`.`;
}

function ok(command: Command): ArgsResult {
  return { ok: true, command };
}

function bad(message: string, token?: string): ArgsResult {
  return {
    ok: false,
    error: token === undefined ? { message, usage: "" } : { message, token, usage: "" },
  };
}

function badPort(token: string | undefined): ArgsResult {
  return bad(`\`${token}\` is not a start port: give a whole number from 1 to 65535.`, token);
}
