import type { Operation } from "./errors.js";

/** A body read as the API's envelope: a success with its `result`, a failure, or neither. */
export type Envelope =
  | { kind: "success"; result: unknown }
  | { kind: "failure"; message: string | undefined; errors: string[] }
  | { kind: "invalid"; why: string };

const HTML = /^\s*<(!doctype|html|head|body)/i;

/**
 * Reads a body as `{ success, message, result | errors }`. A body that is not JSON, is an HTML
 * page, or lacks a boolean `success` is `invalid`.
 */
export function readEnvelope(body: unknown, contentType: string | null): Envelope {
  // note: openapi-fetch reads no body for a 204 or a `Content-Length: 0`
  if (body === undefined) return { kind: "invalid", why: "an empty body" };
  let value = body;
  if (typeof body === "string") {
    if (HTML.test(body) || contentType?.toLowerCase().includes("text/html")) {
      return { kind: "invalid", why: "an HTML page" };
    }
    try {
      value = JSON.parse(body);
    } catch {
      return {
        kind: "invalid",
        why: body.trim() === "" ? "an empty body" : "a body that is not JSON",
      };
    }
  }
  if (!isObject(value) || typeof value.success !== "boolean") {
    return { kind: "invalid", why: "JSON without a boolean `success`" };
  }
  if (value.success) return { kind: "success", result: value.result };
  const message = typeof value.message === "string" ? value.message : undefined;
  const errors = Array.isArray(value.errors) ? value.errors.map(String) : [];
  return { kind: "failure", message, errors };
}

/** Why `result` does not have the documented shape for `operation`, or `undefined` when it does. */
export function resultProblem(operation: Operation, result: unknown): string | undefined {
  if (!isObject(result)) return "no `result` object";
  if (operation === "list") {
    if (!Array.isArray(result.items)) return "`result.items` is not an array";
    if (typeof result.total_items !== "number") return "`result.total_items` is not a number";
    if (typeof result.total_pages !== "number") return "`result.total_pages` is not a number";
  }
  if (operation === "delete" && typeof result.deleted !== "boolean") {
    return "`result.deleted` is not a boolean";
  }
  return undefined;
}

/** A non-null, non-array object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
