import { PATHS } from "@nineproxy/api-types";

/** The four operations of the vendor's API. */
export type Route = keyof typeof PATHS;

/** HTTP method of each operation, as the spec has it. */
export const ROUTE_METHODS: Record<Route, string> = {
  list: "GET",
  create: "POST",
  update: "PUT",
  delete: "DELETE",
};

const BY_PATH = new Map<string, Route>(
  (Object.entries(PATHS) as [Route, string][]).map(([route, path]) => [path, route]),
);

/** The operation served at `pathname`, if any. */
export function routeOf(pathname: string): Route | undefined {
  return BY_PATH.get(pathname);
}
