/**
 * Readable names for the generated types of 9Proxy's Proxy Connect Config API.
 * The types are derived from `./generated/openapi.ts`; the few hand-written constants below are
 * checked against `spec` by test/aliases.test.ts.
 * @see ../../../openapi/openapi.yaml
 */
import type { components, operations, paths } from "./generated/openapi.js";

export { spec } from "./generated/spec.js";
export type { components, operations, paths };

type Schemas = components["schemas"];

/** One proxy connection config: a port range on a gateway server with targeting and session. */
export type Config = Schemas["Config"];
/** Session mode on the wire: 1 rotating, 2 sticky. */
export type SessionType = Schemas["SessionType"];
/** Query of the list endpoint (`limit`, `page`, `sort_by`, `order_by`). */
export type ListConfigsQuery = NonNullable<operations["listConfigs"]["parameters"]["query"]>;
/** Fields the list can be sorted by. */
export type SortBy = NonNullable<ListConfigsQuery["sort_by"]>;
/** Sort direction of the list. */
export type OrderBy = NonNullable<ListConfigsQuery["order_by"]>;
/** One page of the list: `{ items, total_items, total_pages }`. */
export type ListConfigResult = Schemas["ListConfigResult"];
/** Body of a create. */
export type CreateConfigRequest = Schemas["CreateConfigRequest"];
/** Body of an update, keyed by `start_port`. */
export type UpdateConfigRequest = Schemas["UpdateConfigRequest"];
/** Body of a delete: the `start_ports` to remove. */
export type DeleteConfigsRequest = Schemas["DeleteConfigsRequest"];
/** Envelope of a list response. */
export type ListConfigsResponse = Schemas["ResponseListConfig"];
/** Envelope of a create response. */
export type CreateConfigResponse = Schemas["ResponseGenerateConfig"];
/** Envelope of an update response. */
export type UpdateConfigResponse = Schemas["ResponseUpdateConfig"];
/** Envelope of a delete response. */
export type DeleteConfigsResponse = Schemas["ResponseDeleteConfig"];
/** Body of a 400 answer. */
export type BadRequestErrorBody = Schemas["ResponseBadRequestError"];
/** Body of a 403 answer. */
export type ForbiddenErrorBody = Schemas["ResponseForbiddenError"];

/** Values of `sort_by`, in the order the vendor documents them. */
export const SORT_FIELDS = ["id", "start_port", "end_port", "created_at", "updated_at"] as const;
/** Values of `order_by`. */
export const ORDER_DIRECTIONS = ["asc", "desc"] as const;
/** `session_type` values by name. */
export const SESSION_TYPE = { rotating: 1, sticky: 2 } as const;
/** Paths of the four operations. */
export const PATHS = {
  list: "/client/v1/proxy-connection/get-list",
  create: "/client/v1/proxy-connection/create",
  update: "/client/v1/proxy-connection/update",
  delete: "/client/v1/proxy-connection/delete",
} as const satisfies Record<string, keyof paths>;
