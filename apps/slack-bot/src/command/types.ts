import type { OrderBy, SortBy } from "@nineproxy/api-types";

/** Names of the `/proxy` subcommands. */
export const COMMAND_NAMES = [
  "help",
  "list",
  "show",
  "create",
  "update",
  "delete",
  "usage",
] as const;
/** One subcommand name. */
export type CommandName = (typeof COMMAND_NAMES)[number];
/** Subcommands that change configs and so need write permission. */
export const WRITE_COMMANDS: ReadonlySet<CommandName> = new Set(["create", "update", "delete"]);

/** Session choice of a create or update: rotating, or sticky for `minutes` (vendor default). */
export type SessionChoice = { mode: "rotating" } | { mode: "sticky"; minutes?: number };

/** Targeting and session options shared by `create` and `update`. */
export interface ConfigOptions {
  country?: string;
  state?: string;
  city?: string;
  isp?: string;
  proxyType?: number;
  session?: SessionChoice;
}

/** A parsed `/proxy` command, ready to run. */
export type Command =
  | { name: "help"; topic?: CommandName }
  | { name: "list"; page: number; sortBy?: SortBy; orderBy?: OrderBy; country?: string }
  | { name: "show"; startPort: number }
  | { name: "create"; quantity: number; options: ConfigOptions }
  | { name: "update"; startPort: number; options: ConfigOptions }
  | { name: "delete"; startPorts: number[] }
  | { name: "usage" };

/** Why a command text was refused: the offending token and the usage of the command. */
export interface ParseError {
  message: string;
  token?: string;
  command?: CommandName;
  usage: string;
}

/** Result of parsing: a command or an error to show the user. */
export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };
