import type { ServerResponse } from "node:http";

/** What a handler answers: a status, a JSON body and extra headers. Written out by the server. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The vendor's success envelope: `{ success: true, message, result }`. */
export function ok(result: unknown): Reply {
  return { status: 200, body: { success: true, message: "Success", result } };
}

/** The vendor's documented error envelope: `{ success: false, message, errors[] }`. */
export function fail(status: number, message: string, errors: string[]): Reply {
  return { status, body: { success: false, message, errors } };
}

/** 400 with one `errors[]` entry per bad field. */
export function badRequest(errors: string[]): Reply {
  return fail(400, "Bad request", errors);
}

/** 403, as the vendor answers a missing or unknown `api-key`. */
export function forbidden(error: string): Reply {
  return fail(403, "Forbidden", [error]);
}

/** Writes a reply: objects as JSON, strings as they are (text/plain unless headers say else). */
export function writeReply(res: ServerResponse, reply: Reply): void {
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  const type = typeof reply.body === "string" ? "text/plain; charset=utf-8" : "application/json";
  res.writeHead(reply.status, {
    "content-type": type,
    "content-length": Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}
