/**
 * GENERATED FILE. DO NOT EDIT BY HAND.
 * The document as a value, for schema checks at run time from openapi/openapi.yaml.
 * Regenerate with `pnpm --filter @nineproxy/api-types generate`.
 */

export const spec = {
  "openapi": "3.1.1",
  "info": {
    "title": "Proxy Connect Traffic",
    "version": "1.0",
    "summary": "List, create, update and delete a customer's proxy connection configs.",
    "description": "Each config reserves a contiguous port range (`start_port`..`end_port`, inclusive) on a 9Proxy\ngateway server, with optional country / state / city / ISP targeting and a rotating or sticky\nsession. Every call is authenticated by the `api-key` query parameter.\n\nSuccess responses are wrapped as `{ success: true, message, result }`. Failures answer 400 or\n403 with `{ success: false, message, errors[] }`.\n",
    "license": {
      "name": "Proprietary (vendor API description)",
      "url": "https://9proxy.com"
    }
  },
  "servers": [
    {
      "url": "https://sandbox.9proxy.com",
      "description": "Vendor sandbox"
    },
    {
      "url": "https://api.9proxy.com",
      "description": "Vendor production"
    }
  ],
  "security": [
    {
      "api_key": []
    }
  ],
  "tags": [
    {
      "name": "configs",
      "description": "Proxy connection configs (port ranges with targeting and session settings)."
    }
  ],
  "paths": {
    "/client/v1/proxy-connection/get-list": {
      "get": {
        "operationId": "listConfigs",
        "tags": [
          "configs"
        ],
        "summary": "List connection configs",
        "description": "Returns a paginated list of proxy connection configurations for the authenticated account, with support for sorting and ordering.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Page"
          },
          {
            "$ref": "#/components/parameters/SortBy"
          },
          {
            "$ref": "#/components/parameters/OrderBy"
          }
        ],
        "responses": {
          "200": {
            "description": "Successful response",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseListConfig"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    },
    "/client/v1/proxy-connection/create": {
      "post": {
        "operationId": "createConfig",
        "tags": [
          "configs"
        ],
        "summary": "Create connection config",
        "description": "Creates a new proxy connection configuration by allocating a port range based on the requested quantity and applying optional targeting filters and session settings.",
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateConfigRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Successful response",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseGenerateConfig"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    },
    "/client/v1/proxy-connection/update": {
      "put": {
        "operationId": "updateConfig",
        "tags": [
          "configs"
        ],
        "summary": "Update connection config",
        "description": "Updates an existing proxy connection configuration identified by start_port, including targeting filters and session settings.",
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateConfigRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Successful response",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseUpdateConfig"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    },
    "/client/v1/proxy-connection/delete": {
      "delete": {
        "operationId": "deleteConfigs",
        "tags": [
          "configs"
        ],
        "summary": "Delete connection configs",
        "description": "Deletes one or more proxy connection configurations identified by their start_port values.",
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DeleteConfigsRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Successful response",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseDeleteConfig"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "api_key": {
        "type": "apiKey",
        "name": "api-key",
        "in": "query",
        "description": "The account's API key, made in the customer's dashboard. It carries all of the account's permissions, so every URL that holds it must be redacted before it is logged."
      }
    },
    "parameters": {
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Maximum number of items to return per page. The vendor's sibling list endpoints default to 30; the same default is assumed here.",
        "schema": {
          "type": "integer"
        }
      },
      "Page": {
        "name": "page",
        "in": "query",
        "required": false,
        "description": "Requested page number (1-based). Default: 1",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "default": 1
        }
      },
      "SortBy": {
        "name": "sort_by",
        "in": "query",
        "required": false,
        "description": "Field to sort by: 'id', 'start_port', 'end_port', 'created_at', 'updated_at'. Default: start_port",
        "schema": {
          "type": "string",
          "enum": [
            "id",
            "start_port",
            "end_port",
            "created_at",
            "updated_at"
          ],
          "default": "start_port"
        }
      },
      "OrderBy": {
        "name": "order_by",
        "in": "query",
        "required": false,
        "description": "Sort order: desc or asc. Default: desc",
        "schema": {
          "type": "string",
          "enum": [
            "asc",
            "desc"
          ],
          "default": "desc"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Bad request",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ResponseBadRequestError"
            }
          }
        }
      },
      "Forbidden": {
        "description": "Authentication error",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ResponseForbiddenError"
            }
          }
        }
      }
    },
    "schemas": {
      "SessionType": {
        "type": "integer",
        "description": "Session mode. 1: Rotation (a new IP per request), 2: Sticky (the same IP for session_time minutes)",
        "enum": [
          1,
          2
        ]
      },
      "Config": {
        "type": "object",
        "description": "Proxy connection configuration, including targeting filters, allocated port range, and session behavior.",
        "properties": {
          "id": {
            "type": "integer",
            "description": "Configuration ID."
          },
          "user_id": {
            "type": "integer",
            "description": "Owner user ID."
          },
          "server_id": {
            "type": "integer",
            "description": "Server ID assigned to the configuration."
          },
          "proxy_type": {
            "type": "integer",
            "description": "Proxy type identifier. Its values have no documented meaning; treat it as opaque."
          },
          "country_code": {
            "type": [
              "string",
              "null"
            ],
            "description": "Country targeting filter."
          },
          "city_code": {
            "type": [
              "string",
              "null"
            ],
            "description": "City targeting filter."
          },
          "state_code": {
            "type": [
              "string",
              "null"
            ],
            "description": "State/region targeting filter."
          },
          "isp_code": {
            "type": [
              "string",
              "null"
            ],
            "description": "ISP targeting filter."
          },
          "start_port": {
            "type": "integer",
            "description": "Start port of the allocated range."
          },
          "end_port": {
            "type": "integer",
            "description": "End port of the allocated range (inclusive)."
          },
          "is_keep": {
            "type": "integer",
            "description": "Indicates sticky session behavior (keep session)."
          },
          "is_random_ip": {
            "type": "integer",
            "description": "Indicates rotation behavior (randomize IP)."
          },
          "session_time": {
            "type": "string",
            "description": "Sticky session duration used for refresh when sticky mode is enabled (minutes, as a string)."
          },
          "created_at": {
            "type": "integer",
            "description": "Configuration creation timestamp (unix seconds)."
          },
          "updated_at": {
            "type": "integer",
            "description": "Configuration last updated timestamp (unix seconds)."
          }
        }
      },
      "ListConfigResult": {
        "type": "object",
        "description": "Paginated response data.",
        "properties": {
          "items": {
            "type": "array",
            "description": "List of connection configurations.",
            "items": {
              "$ref": "#/components/schemas/Config"
            }
          },
          "total_items": {
            "type": "integer",
            "description": "Total number of items."
          },
          "total_pages": {
            "type": "integer",
            "description": "Total number of pages."
          }
        }
      },
      "ResponseListConfig": {
        "type": "object",
        "description": "Connection configurations list response payload.",
        "properties": {
          "success": {
            "type": "boolean",
            "description": "Indicates whether the request was successful."
          },
          "message": {
            "type": "string",
            "description": "Human-readable response message."
          },
          "result": {
            "$ref": "#/components/schemas/ListConfigResult"
          }
        }
      },
      "ResponseGenerateConfig": {
        "type": "object",
        "description": "Connection configuration creation response payload.",
        "properties": {
          "success": {
            "type": "boolean",
            "description": "Indicates whether the request was successful."
          },
          "message": {
            "type": "string",
            "description": "Human-readable response message."
          },
          "result": {
            "$ref": "#/components/schemas/Config",
            "description": "Created connection configuration details."
          }
        }
      },
      "ResponseUpdateConfig": {
        "type": "object",
        "description": "Connection configuration update response payload.",
        "properties": {
          "success": {
            "type": "boolean",
            "description": "Indicates whether the request was successful."
          },
          "message": {
            "type": "string",
            "description": "Human-readable response message."
          },
          "result": {
            "$ref": "#/components/schemas/Config",
            "description": "Updated connection configuration details."
          }
        }
      },
      "ResponseDeleteConfig": {
        "type": "object",
        "description": "Connection configuration deletion response payload.",
        "properties": {
          "success": {
            "type": "boolean",
            "description": "Indicates whether the request was successful."
          },
          "message": {
            "type": "string",
            "description": "Human-readable response message."
          },
          "result": {
            "type": "object",
            "description": "Deletion result.",
            "properties": {
              "deleted": {
                "type": "boolean"
              }
            }
          }
        }
      },
      "ResponseBadRequestError": {
        "type": "object",
        "description": "Response payload returned when the request is invalid.",
        "properties": {
          "success": {
            "type": "boolean",
            "description": "Indicates whether the request was successful."
          },
          "message": {
            "type": "string",
            "description": "Human-readable response message."
          },
          "errors": {
            "type": "array",
            "description": "List of error messages.",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ResponseForbiddenError": {
        "type": "object",
        "description": "Response payload returned when access is forbidden.",
        "properties": {
          "success": {
            "type": "boolean",
            "description": "Indicates whether the request was successful."
          },
          "message": {
            "type": "string",
            "description": "Human-readable response message."
          },
          "errors": {
            "type": "array",
            "description": "List of error messages.",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CreateConfigRequest": {
        "type": "object",
        "description": "Body of a create. `quantity` ports are allocated as one contiguous range.",
        "required": [
          "session_type",
          "quantity"
        ],
        "properties": {
          "proxy_type": {
            "type": "integer",
            "description": "Proxy type identifier."
          },
          "country_code": {
            "type": "string",
            "description": "Country code used to target proxies."
          },
          "city_code": {
            "type": "string",
            "description": "City code used to target proxies."
          },
          "state_code": {
            "type": "string",
            "description": "State/region code used to target proxies."
          },
          "isp_code": {
            "type": "string",
            "description": "ISP code used to target proxies."
          },
          "quantity": {
            "type": "integer",
            "description": "Number of ports to allocate for this configuration."
          },
          "session_type": {
            "$ref": "#/components/schemas/SessionType"
          },
          "session_time": {
            "type": "integer",
            "description": "Sticky session duration (minutes)."
          }
        }
      },
      "UpdateConfigRequest": {
        "type": "object",
        "description": "Body of an update. The config is found by `start_port`.",
        "required": [
          "start_port",
          "session_type"
        ],
        "properties": {
          "start_port": {
            "type": "integer",
            "description": "Start port of the configuration to update."
          },
          "country_code": {
            "type": "string",
            "description": "Country code used to target proxies."
          },
          "city_code": {
            "type": "string",
            "description": "City code used to target proxies."
          },
          "state_code": {
            "type": "string",
            "description": "State/region code used to target proxies."
          },
          "isp_code": {
            "type": "string",
            "description": "ISP code used to target proxies."
          },
          "session_type": {
            "$ref": "#/components/schemas/SessionType"
          },
          "session_time": {
            "type": "integer",
            "description": "Sticky session duration (minutes)."
          }
        }
      },
      "DeleteConfigsRequest": {
        "type": "object",
        "description": "Body of a delete.",
        "required": [
          "start_ports"
        ],
        "properties": {
          "start_ports": {
            "type": "array",
            "items": {
              "type": "integer"
            },
            "description": "List of start_port values to delete."
          }
        }
      }
    }
  }
} as const;
