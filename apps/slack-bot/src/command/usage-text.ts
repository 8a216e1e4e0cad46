import type { CommandName } from "./types.js";

/** Largest `quantity` a create accepts from chat. */
export const MAX_CREATE_QUANTITY = 1000;
/** Most start ports one `delete` may name (keeps the signed button value under 2,000 chars). */
export const MAX_DELETE_PORTS = 25;

/** One-line syntax of each subcommand, as shown in errors and help. */
export const SYNTAX: Record<CommandName, string> = {
  help: "help [command]",
  list: "list [page N] [sort id|start_port|end_port|created_at|updated_at] [asc|desc] [country=XX]",
  show: "show <start_port>",
  create:
    "create <quantity> [country=XX] [state=…] [city=…] [isp=…] [type=<proxy_type>] " +
    "[sticky[=<minutes|30m|2h>] | rotating]",
  update: "update <start_port> [country=XX] [state=…] [city=…] [isp=…] [sticky[=…] | rotating]",
  delete: "delete <start_port> [<start_port>…]",
  usage: "usage",
};

/** What each subcommand does, one line. */
export const SUMMARY: Record<CommandName, string> = {
  help: "Show this help.",
  list: "A page of configs.",
  show: "One config in full.",
  create: `Allocate a new port range (1–${MAX_CREATE_QUANTITY} ports).`,
  update: "Change a config's targeting or session.",
  delete: `Delete up to ${MAX_DELETE_PORTS} configs, after you confirm.`,
  usage: "Ports allocated by country, session mode and server.",
};

/** Worked examples per subcommand. */
export const EXAMPLES: Record<CommandName, string[]> = {
  help: ["help create"],
  list: ["list", "list page 2 sort created_at desc", "list country=US"],
  show: ["show 10000"],
  create: ["create 10 country=US sticky=30m", "create 5 country=DE city=berlin rotating"],
  update: ["update 10000 sticky=2h", "update 10000 country=FR rotating"],
  delete: ["delete 10000", "delete 10000 10010 10020"],
  usage: ["usage"],
};

/** The usage line of a subcommand, prefixed with the slash command. */
export function usageOf(command: CommandName, slash = "/proxy"): string {
  return `${slash} ${SYNTAX[command]}`;
}
