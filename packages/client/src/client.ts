import type {
  Config,
  CreateConfigRequest,
  ListConfigsQuery,
  UpdateConfigRequest,
} from "@nineproxy/api-types";
import { type CallEnv, runCall } from "./call.js";
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
import { createSend } from "./send.js";
import { createRawClient, keyedFetch, type RawClient } from "./transport.js";

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
 * const client = createClient({
 *   apiKey: process.env.NINEPROXY_API_KEY!,
 *   baseUrl: "http://127.0.0.1:4010",
 * });
 * for await (const config of client.configs.items()) console.log(config.start_port);
 */
export function createClient(clientOptions: ClientOptions): NineProxyClient {
  const options = resolveOptions(clientOptions);
  const { raw, hasMiddleware } = createRawClient(
    options.baseUrl,
    keyedFetch(options.apiKey, options.fetch, options.dispatcher),
  );

  const env: CallEnv = {
    options,
    events: new Events(options.hooks, options.logger),
    redactor: new Redactor(options.apiKey),
    send: createSend(raw, hasMiddleware),
  };

  const list = (query: ListConfigsQuery | null = {}, callOptions?: CallOptions) => {
    const withLimit = { ...query, limit: query?.limit ?? options.pageSize };
    return runCall(env, "list", withLimit, callOptions) as Promise<ListResult>;
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
    create: (body, callOptions) => runCall(env, "create", body, callOptions) as Promise<Config>,
    update: (body, callOptions) => runCall(env, "update", body, callOptions) as Promise<Config>,
    async delete(startPorts, callOptions) {
      const body = { start_ports: startPorts };
      const result = (await runCall(env, "delete", body, callOptions)) as { deleted: boolean };
      return { deleted: result.deleted };
    },
  };
  return { configs, raw };
}
