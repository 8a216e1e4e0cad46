import { PATHS, spec } from "@nineproxy/api-types";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Route } from "../../src/routes.js";
import { ROUTE_METHODS } from "../../src/routes.js";

// note: the spec marks no field required and allows extra ones, so every answer is also checked
// against a strict copy: each property the spec names must be present, and no other
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(spec as object, "spec");
ajv.addSchema(tighten(structuredClone(spec)) as object, "strict");

/** The spec's schema name for the body of `route` answered with `status`. */
export function schemaName(route: Route, status: number): string {
  const operation = (spec.paths as Record<string, Record<string, OperationLike>>)[PATHS[route]]?.[
    ROUTE_METHODS[route].toLowerCase()
  ];
  let response = operation?.responses[String(status)];
  if (response?.$ref) response = followRef(response.$ref);
  const ref = response?.content?.["application/json"]?.schema?.$ref;
  if (ref === undefined) throw new Error(`the spec has no ${status} answer for ${route}`);
  return ref.replace("#/components/schemas/", "");
}

/** Errors of `body` against the spec's schema for this answer, both as written and strict. */
export function schemaErrors(route: Route, status: number, body: unknown): string[] {
  const name = schemaName(route, status);
  return ["spec", "strict"].flatMap((doc) => {
    const validate = ajv.getSchema(`${doc}#/components/schemas/${name}`) as ValidateFunction;
    return validate(body)
      ? []
      : ajv
          .errorsText(validate.errors)
          .split(", ")
          .map((e: string) => `${doc}: ${e}`);
  });
}

interface OperationLike {
  responses: Record<string, ResponseLike>;
}
interface ResponseLike {
  $ref?: string;
  content?: Record<string, { schema?: { $ref?: string } }>;
}

function followRef(ref: string): ResponseLike {
  const name = ref.replace("#/components/responses/", "");
  return (spec.components.responses as Record<string, ResponseLike>)[name] as ResponseLike;
}

function tighten(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tighten);
  if (typeof node !== "object" || node === null) return node;
  const object = node as Record<string, unknown>;
  for (const value of Object.values(object)) tighten(value);
  const properties = object.properties;
  if (object.type === "object" && typeof properties === "object" && properties !== null) {
    object.required = Object.keys(properties);
    object.additionalProperties = false;
  }
  return object;
}
