/**
 * GENERATED FILE. DO NOT EDIT BY HAND.
 * Types rendered by openapi-typescript from openapi/openapi.yaml.
 * Regenerate with `pnpm --filter @nineproxy/api-types generate`.
 */

export interface paths {
    "/client/v1/proxy-connection/get-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List connection configs
         * @description Returns a paginated list of proxy connection configurations for the authenticated account, with support for sorting and ordering.
         */
        get: operations["listConfigs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/client/v1/proxy-connection/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create connection config
         * @description Creates a new proxy connection configuration by allocating a port range based on the requested quantity and applying optional targeting filters and session settings.
         */
        post: operations["createConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/client/v1/proxy-connection/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update connection config
         * @description Updates an existing proxy connection configuration identified by start_port, including targeting filters and session settings.
         */
        put: operations["updateConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/client/v1/proxy-connection/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete connection configs
         * @description Deletes one or more proxy connection configurations identified by their start_port values.
         */
        delete: operations["deleteConfigs"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Session mode. 1: Rotation (a new IP per request), 2: Sticky (the same IP for session_time minutes)
         * @enum {integer}
         */
        SessionType: 1 | 2;
        /** @description Proxy connection configuration, including targeting filters, allocated port range, and session behavior. */
        Config: {
            /** @description Configuration ID. */
            id?: number;
            /** @description Owner user ID. */
            user_id?: number;
            /** @description Server ID assigned to the configuration. */
            server_id?: number;
            /** @description Proxy type identifier. Its values have no documented meaning; treat it as opaque. */
            proxy_type?: number;
            /** @description Country targeting filter. */
            country_code?: string | null;
            /** @description City targeting filter. */
            city_code?: string | null;
            /** @description State/region targeting filter. */
            state_code?: string | null;
            /** @description ISP targeting filter. */
            isp_code?: string | null;
            /** @description Start port of the allocated range. */
            start_port?: number;
            /** @description End port of the allocated range (inclusive). */
            end_port?: number;
            /** @description Indicates sticky session behavior (keep session). */
            is_keep?: number;
            /** @description Indicates rotation behavior (randomize IP). */
            is_random_ip?: number;
            /** @description Sticky session duration used for refresh when sticky mode is enabled (minutes, as a string). */
            session_time?: string;
            /** @description Configuration creation timestamp (unix seconds). */
            created_at?: number;
            /** @description Configuration last updated timestamp (unix seconds). */
            updated_at?: number;
        };
        /** @description Paginated response data. */
        ListConfigResult: {
            /** @description List of connection configurations. */
            items?: components["schemas"]["Config"][];
            /** @description Total number of items. */
            total_items?: number;
            /** @description Total number of pages. */
            total_pages?: number;
        };
        /** @description Connection configurations list response payload. */
        ResponseListConfig: {
            /** @description Indicates whether the request was successful. */
            success?: boolean;
            /** @description Human-readable response message. */
            message?: string;
            result?: components["schemas"]["ListConfigResult"];
        };
        /** @description Connection configuration creation response payload. */
        ResponseGenerateConfig: {
            /** @description Indicates whether the request was successful. */
            success?: boolean;
            /** @description Human-readable response message. */
            message?: string;
            /** @description Created connection configuration details. */
            result?: components["schemas"]["Config"];
        };
        /** @description Connection configuration update response payload. */
        ResponseUpdateConfig: {
            /** @description Indicates whether the request was successful. */
            success?: boolean;
            /** @description Human-readable response message. */
            message?: string;
            /** @description Updated connection configuration details. */
            result?: components["schemas"]["Config"];
        };
        /** @description Connection configuration deletion response payload. */
        ResponseDeleteConfig: {
            /** @description Indicates whether the request was successful. */
            success?: boolean;
            /** @description Human-readable response message. */
            message?: string;
            /** @description Deletion result. */
            result?: {
                deleted?: boolean;
            };
        };
        /** @description Response payload returned when the request is invalid. */
        ResponseBadRequestError: {
            /** @description Indicates whether the request was successful. */
            success?: boolean;
            /** @description Human-readable response message. */
            message?: string;
            /** @description List of error messages. */
            errors?: string[];
        };
        /** @description Response payload returned when access is forbidden. */
        ResponseForbiddenError: {
            /** @description Indicates whether the request was successful. */
            success?: boolean;
            /** @description Human-readable response message. */
            message?: string;
            /** @description List of error messages. */
            errors?: string[];
        };
        /** @description Body of a create. `quantity` ports are allocated as one contiguous range. */
        CreateConfigRequest: {
            /** @description Proxy type identifier. */
            proxy_type?: number;
            /** @description Country code used to target proxies. */
            country_code?: string;
            /** @description City code used to target proxies. */
            city_code?: string;
            /** @description State/region code used to target proxies. */
            state_code?: string;
            /** @description ISP code used to target proxies. */
            isp_code?: string;
            /** @description Number of ports to allocate for this configuration. */
            quantity: number;
            session_type: components["schemas"]["SessionType"];
            /** @description Sticky session duration (minutes). */
            session_time?: number;
        };
        /** @description Body of an update. The config is found by `start_port`. */
        UpdateConfigRequest: {
            /** @description Start port of the configuration to update. */
            start_port: number;
            /** @description Country code used to target proxies. */
            country_code?: string;
            /** @description City code used to target proxies. */
            city_code?: string;
            /** @description State/region code used to target proxies. */
            state_code?: string;
            /** @description ISP code used to target proxies. */
            isp_code?: string;
            session_type: components["schemas"]["SessionType"];
            /** @description Sticky session duration (minutes). */
            session_time?: number;
        };
        /** @description Body of a delete. */
        DeleteConfigsRequest: {
            /** @description List of start_port values to delete. */
            start_ports: number[];
        };
    };
    responses: {
        /** @description Bad request */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ResponseBadRequestError"];
            };
        };
        /** @description Authentication error */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ResponseForbiddenError"];
            };
        };
    };
    parameters: {
        /** @description Maximum number of items to return per page. The vendor's sibling list endpoints default to 30; the same default is assumed here. */
        Limit: number;
        /** @description Requested page number (1-based). Default: 1 */
        Page: number;
        /** @description Field to sort by: 'id', 'start_port', 'end_port', 'created_at', 'updated_at'. Default: start_port */
        SortBy: "id" | "start_port" | "end_port" | "created_at" | "updated_at";
        /** @description Sort order: desc or asc. Default: desc */
        OrderBy: "asc" | "desc";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listConfigs: {
        parameters: {
            query?: {
                /** @description Maximum number of items to return per page. The vendor's sibling list endpoints default to 30; the same default is assumed here. */
                limit?: components["parameters"]["Limit"];
                /** @description Requested page number (1-based). Default: 1 */
                page?: components["parameters"]["Page"];
                /** @description Field to sort by: 'id', 'start_port', 'end_port', 'created_at', 'updated_at'. Default: start_port */
                sort_by?: components["parameters"]["SortBy"];
                /** @description Sort order: desc or asc. Default: desc */
                order_by?: components["parameters"]["OrderBy"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseListConfig"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
        };
    };
    createConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateConfigRequest"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseGenerateConfig"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
        };
    };
    updateConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateConfigRequest"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseUpdateConfig"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
        };
    };
    deleteConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DeleteConfigsRequest"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseDeleteConfig"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
        };
    };
}
