import {
  type Config,
  type CreateConfigRequest,
  type ListConfigsQuery,
  PATHS,
  type UpdateConfigRequest,
} from "@nineproxy/api-types";
import { type ApiRequest, type CallEnv, runCall } from "./call.js";
import type { Operation } from "./errors.js";
import { Events } from "./hooks.js";
import {
  type CallOptions,
  type ClientOptions,
  checkCallOptions,
  type PageOptions,
  resolveOptions,
} from "./options.js";
import { type Page, paginate } from "./paginate.js";
import { Redactor } from "./redact.js";
import { createRawClient, keyedFetch, type RawClient, type Sent } from "./transport.js";

/** One page of the list as `list()` returns it. */
export interface ListResult {
  items: Config[];
  total_items: number;
  total_pages: number;
}

/** The config operations, by the vendor's names. */
export interface ConfigsApi {
  /** One page of configs (`limit` defaults to the client's `pageSize`). */
  list(query?: ListConfigsQuery, options?: CallOptions): Promise<ListResult>;
  /** Every page, fetched concurrently after the first and yielded in order. */
  pages(query?: ListConfigsQuery, options?: PageOptions): AsyncIterable<Page>;
  /** Every config of every page, in order, each once. */
  items(query?: ListConfigsQuery, options?: PageOptions): AsyncIterable<Config>;
  /** Allocates a port range; never sent twice once it may have reached the vendor. */
  create(body: CreateConfigRequest, options?: CallOptions): Promise<Config>;
  /** Updates the config found by `start_port`; retried like a read. */
  update(body: UpdateConfigRequest, options?: CallOptions): Promise<Config>;
  /** Deletes the configs with these start ports (all or none); never sent twice. */
  delete(startPorts: number[], options?: CallOptions): Promise<{ deleted: boolean }>;
}

/** A client of the Proxy Connect Config API. */
export interface NineProxyClient {
  configs: ConfigsApi;
  /** The underlying openapi-fetch client; its fetch adds the `api-key` to every request. */
  raw: RawClient;
}

/**
 * Creates a client. `baseUrl` is required: there is no default host.
 * @example
 * const client = createClient({ apiKey: process.env.NINEPROXY_API_KEY!, baseUrl: "http://127.0.0.1:4010" });
 * for await (const config of client.configs.items()) console.log(config.start_port);
 */
export function createClient(clientOptions: ClientOptions): NineProxyClient {
  const options = resolveOptions(clientOptions);
  const send = keyedFetch(options.apiKey, options.fetch);
  const raw = createRawClient(options.baseUrl, send);
  // each attempt hands openapi-fetch its own fetch, so the signal goes straight to the transport
  const via = (signal: AbortSignal) => (request: Request) => send(request, signal);
  const env: CallEnv = {
    options,
    events: new Events(options.hooks, options.logger),
    redactor: new Redactor(options.apiKey),
  };

  const call = (
    operation: Operation,
    method: string,
    send: (signal: AbortSignal) => Promise<Sent>,
    callOptions: CallOptions = {},
  ) => {
    checkCallOptions(callOptions);
    const request: ApiRequest = { operation, method, path: PATHS[operation], send };
    return runCall(env, request, callOptions);
  };

  const list = async (query: ListConfigsQuery = {}, callOptions?: CallOptions) => {
    const params = { query: { ...query, limit: query.limit ?? options.pageSize } };
    const attempt = (signal: AbortSignal) =>
      sent(raw.GET(PATHS.list, { params, parseAs: "text", fetch: via(signal) }));
    return (await call("list", "GET", attempt, callOptions)) as ListResult;
  };

  const pages = (query: ListConfigsQuery = {}, pageOptions: PageOptions = {}) => {
    checkCallOptions(pageOptions);
    const defaults = { pageSize: options.pageSize, concurrency: options.pageConcurrency };
    return paginate(list, query, pageOptions, defaults);
  };

  const configs: ConfigsApi = {
    list,
    pages,
    async *items(query, pageOptions) {
      for await (const page of pages(query, pageOptions)) yield* page.items;
    },
    async create(body, callOptions) {
      const attempt = (signal: AbortSignal) =>
        sent(raw.POST(PATHS.create, { body, parseAs: "text", fetch: via(signal) }));
      return (await call("create", "POST", attempt, callOptions)) as Config;
    },
    async update(body, callOptions) {
      const attempt = (signal: AbortSignal) =>
        sent(raw.PUT(PATHS.update, { body, parseAs: "text", fetch: via(signal) }));
      return (await call("update", "PUT", attempt, callOptions)) as Config;
    },
    async delete(startPorts, callOptions) {
      const body = { start_ports: startPorts };
      const attempt = (signal: AbortSignal) =>
        sent(raw.DELETE(PATHS.delete, { body, parseAs: "text", fetch: via(signal) }));
      const result = (await call("delete", "DELETE", attempt, callOptions)) as { deleted: boolean };
      return { deleted: result.deleted };
    },
  };
  return { configs, raw };
}

function sent(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  return pending.then(({ data, error, response }) => ({
    response,
    body: response.ok ? data : error,
  }));
}
