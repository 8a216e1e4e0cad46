import {
  type CreateConfigRequest,
  type ListConfigsQuery,
  PATHS,
  type UpdateConfigRequest,
} from "@nineproxy/api-types";
import type { Operation } from "./errors.js";
import type { ResponseLike } from "./incoming-response.js";
import { OutgoingRequest } from "./outgoing-request.js";
import type { RawClient } from "./transport.js";

/** One attempt's answer from openapi-fetch: text for a 2xx, else the body (JSON if it parses). */
export interface Reply {
  data?: unknown;
  error?: unknown;
  response: ResponseLike;
}

/** Makes one attempt of `operation` with `input` (its query or body), cancelled by `signal`. */
export type Send = (operation: Operation, input: unknown, signal: AbortSignal) => Promise<Reply>;

// note: `Request` is openapi-fetch's per-request option, missing from its types
const LIGHT = OutgoingRequest as unknown as typeof Request;

/**
 * Sends the client's operations through openapi-fetch. Middleware on `client.raw` must see a real
 * `Request`, so the lighter {@link OutgoingRequest} is used only while there is none.
 */
export function createSend(raw: RawClient, hasMiddleware: () => boolean): Send {
  // each options object is a variable, not a literal in the call, so `Request` passes the types
  return (operation, input, signal) => {
    const Request = hasMiddleware() ? undefined : LIGHT;
    const parseAs = "text" as const;
    switch (operation) {
      case "list": {
        const init = { params: { query: input as ListConfigsQuery }, parseAs, signal, Request };
        return raw.GET(PATHS.list, init);
      }
      case "create": {
        const init = { body: input as CreateConfigRequest, parseAs, signal, Request };
        return raw.POST(PATHS.create, init);
      }
      case "update": {
        const init = { body: input as UpdateConfigRequest, parseAs, signal, Request };
        return raw.PUT(PATHS.update, init);
      }
      case "delete": {
        const init = { body: input as { start_ports: number[] }, parseAs, signal, Request };
        return raw.DELETE(PATHS.delete, init);
      }
    }
  };
}
