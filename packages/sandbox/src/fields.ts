/** Collects one message per bad field while a request is read. */
export type Errors = string[];

/** The body of a write, once it is known to be a JSON object. */
export type JsonObject = Record<string, unknown>;

/** Bounds of an integer field, both inclusive. */
export interface IntegerBounds {
  required?: boolean;
  min?: number;
  max?: number;
}

/** Reads an integer field; records a message and returns undefined when it is bad or absent. */
export function integerField(
  body: JsonObject,
  name: string,
  errors: Errors,
  bounds: IntegerBounds = {},
): number | undefined {
  const value = body[name];
  if (value === undefined) {
    if (bounds.required) errors.push(`${name} is required`);
    return undefined;
  }
  // note: a safe integer, so that 1e300 or 2 ** 53 cannot come back as "1e+300" or off by one
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    errors.push(`${name} must be an integer`);
    return undefined;
  }
  if (!inBounds(value, bounds)) {
    errors.push(`${name} must be ${describeBounds(bounds)}`);
    return undefined;
  }
  return value;
}

/** Reads an optional string field; records a message when it is present but not a string. */
export function stringField(body: JsonObject, name: string, errors: Errors): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    errors.push(`${name} must be a string`);
    return undefined;
  }
  return value;
}

/** Reads an integer from a query parameter given at most once. */
export function integerParam(
  params: URLSearchParams,
  name: string,
  errors: Errors,
  bounds: IntegerBounds,
): number | undefined {
  const text = singleParam(params, name, errors);
  if (text === undefined) return undefined;
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || !inBounds(value, bounds)) {
    const range = describeBounds(bounds);
    errors.push(`${name} must be an integer${range ? ` ${range}` : ""}`);
    return undefined;
  }
  return value;
}

/** Reads a query parameter that must be one of `allowed`, given at most once. */
export function enumParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  errors: Errors,
): T | undefined {
  const value = singleParam(params, name, errors);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    errors.push(`${name} must be one of ${allowed.join(", ")}`);
    return undefined;
  }
  return value as T;
}

/** The value of a parameter given at most once; a second one is recorded as an error. */
function singleParam(params: URLSearchParams, name: string, errors: Errors): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) errors.push(`${name} must be given once`);
  return values.length === 1 ? values[0] : undefined;
}

function inBounds(value: number, { min, max }: IntegerBounds): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function describeBounds({ min, max }: IntegerBounds): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return "";
}
