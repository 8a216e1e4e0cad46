import {
  ORDER_DIRECTIONS,
  type OrderBy,
  SESSION_TYPE,
  type SessionType,
  SORT_FIELDS,
  type SortBy,
} from "@nineproxy/api-types";
import type { ConfigSettings } from "./account.js";
import {
  type Errors,
  enumParam,
  integerField,
  integerParam,
  type JsonObject,
  stringField,
} from "./fields.js";

/** Either the request's values or one message per bad field. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Errors };

/** Limits the sandbox enforces on requests. */
export interface RequestLimits {
  maxLimit: number;
  maxQuantity: number;
}

/** A list query with the documented defaults filled in. */
export interface ListQuery {
  limit: number;
  page: number;
  sort_by: SortBy;
  order_by: OrderBy;
}

/** Page size when `limit` is absent: the sibling endpoints' documented 30 (assumed for configs). */
export const DEFAULT_LIMIT = 30;

/** Reads `limit`, `page`, `sort_by` and `order_by`; other parameters are ignored (assumed). */
export function parseListQuery(params: URLSearchParams, limits: RequestLimits): Parsed<ListQuery> {
  const errors: Errors = [];
  const limit = integerParam(params, "limit", errors, { min: 1, max: limits.maxLimit });
  const page = integerParam(params, "page", errors, { min: 1 });
  const sortBy = enumParam(params, "sort_by", SORT_FIELDS, errors);
  const orderBy = enumParam(params, "order_by", ORDER_DIRECTIONS, errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      limit: limit ?? DEFAULT_LIMIT,
      page: page ?? 1,
      sort_by: sortBy ?? "start_port",
      order_by: orderBy ?? "desc",
    },
  };
}

/** A validated create: how many ports and the settings of the new config. */
export interface CreateInput {
  quantity: number;
  settings: ConfigSettings;
}

/** Reads a create body: `session_type` and `quantity` required, the rest optional. */
export function parseCreate(body: unknown, limits: RequestLimits): Parsed<CreateInput> {
  const object = asObject(body);
  if (!object.ok) return object;
  const errors: Errors = [];
  const quantity = integerField(object.value, "quantity", errors, {
    required: true,
    min: 1,
    max: limits.maxQuantity,
  });
  const proxyType = integerField(object.value, "proxy_type", errors);
  const settings = readSettings(object.value, errors);
  if (errors.length > 0 || quantity === undefined || settings === undefined) {
    return { ok: false, errors };
  }
  if (proxyType !== undefined) settings.proxy_type = proxyType;
  return { ok: true, value: { quantity, settings } };
}

/** A validated update: which config and its new settings. */
export interface UpdateInput {
  startPort: number;
  settings: ConfigSettings;
}

/** Reads an update body: `start_port` and `session_type` required, the rest optional. */
export function parseUpdate(body: unknown): Parsed<UpdateInput> {
  const object = asObject(body);
  if (!object.ok) return object;
  const errors: Errors = [];
  const startPort = integerField(object.value, "start_port", errors, { required: true });
  const settings = readSettings(object.value, errors);
  if (errors.length > 0 || startPort === undefined || settings === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, value: { startPort, settings } };
}

/** Reads a delete body: a non-empty `start_ports` array of integers, duplicates collapsed. */
export function parseDelete(body: unknown): Parsed<number[]> {
  const object = asObject(body);
  if (!object.ok) return object;
  const ports = object.value.start_ports;
  if (ports === undefined) return { ok: false, errors: ["start_ports is required"] };
  if (!Array.isArray(ports)) return { ok: false, errors: ["start_ports must be an array"] };
  // assumed: an empty list is a mistake rather than a no-op
  if (ports.length === 0) return { ok: false, errors: ["start_ports must not be empty"] };
  const errors = ports.flatMap((port, i) =>
    Number.isSafeInteger(port) ? [] : [`start_ports[${i}] must be an integer`],
  );
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: [...new Set(ports as number[])] };
}

/** The targeting and session fields shared by create and update. */
function readSettings(body: JsonObject, errors: Errors): ConfigSettings | undefined {
  const sessionType = body.session_type;
  let validType: SessionType | undefined;
  if (sessionType === undefined) errors.push("session_type is required");
  else if (sessionType !== SESSION_TYPE.rotating && sessionType !== SESSION_TYPE.sticky) {
    errors.push("session_type must be 1 (rotating) or 2 (sticky)");
  } else validType = sessionType;
  const sessionTime = integerField(body, "session_time", errors, { min: 1 });
  const settings: ConfigSettings = { session_type: validType ?? SESSION_TYPE.rotating };
  if (sessionTime !== undefined) settings.session_time = sessionTime;
  for (const field of ["country_code", "city_code", "state_code", "isp_code"] as const) {
    const value = stringField(body, field, errors);
    if (value !== undefined) settings[field] = value;
  }
  return validType === undefined ? undefined : settings;
}

function asObject(body: unknown): Parsed<JsonObject> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, errors: ["body must be a JSON object"] };
  }
  return { ok: true, value: body as JsonObject };
}
