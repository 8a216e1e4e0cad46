import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AttemptContext, classifyThrown } from "../src/classify.js";
import { ConnectionError, Redactor } from "../src/index.js";
import { fastClient, TRANSPORTS, thrown } from "./helpers.js";

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));
const EMPTY = { items: [], total_items: 0, total_pages: 0 };

/** An https server on loopback with the fixture certificate `name`; counts requests it gets. */
function httpsServer(name: string) {
  const state = { url: "", hits: 0 };
  const server = createServer(
    { cert: fixture(`${name}.crt`), key: fixture(`${name}.key`) },
    (_req, res) => {
      state.hits++;
      res.end(JSON.stringify({ success: true, result: EMPTY }));
    },
  );
  beforeAll(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  return state;
}

describe.each([
  ["self-signed", "DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed.crt"],
  ["signed by a CA the client does not know", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "test-ca.crt"],
])("a server whose TLS certificate is %s", (_, code, trust) => {
  const server = httpsServer(trust === "test-ca.crt" ? "ca-signed" : "self-signed");

  it.each(TRANSPORTS)(
    "fails at once with a ConnectionError that says nothing was sent, via %s",
    async (_, via) => {
      let requests = 0;
      const client = fastClient(server.url, {
        ...via,
        hooks: { onRequest: () => void requests++ },
      });
      const calls = [
        () => client.configs.list(),
        () => client.configs.create({ quantity: 1, session_type: 1 }),
      ];
      for (const call of calls) {
        requests = 0;
        const error = await thrown(call);
        // a create is not "maybe applied": the handshake failed before any request was sent
        expect(error).toBeInstanceOf(ConnectionError);
        expect(error).toMatchObject({ code, attempts: 1 });
        expect(error.message).toMatch(/was not sent: the TLS check of the server failed/);
        expect(requests).toBe(1);
      }
      expect(server.hits).toBe(0);
    },
  );

  it("works once the dispatcher option trusts the certificate", async () => {
    const trusting = new Agent({ connect: { ca: fixture(trust) } });
    try {
      const client = fastClient(server.url, { dispatcher: trusting });
      expect(await client.configs.list()).toEqual(EMPTY);
      // client.raw goes through fetch, which is given the same dispatcher
      const { response } = await client.raw.GET("/client/v1/proxy-connection/get-list");
      expect(response.status).toBe(200);
    } finally {
      await trusting.close();
    }
  });
});

describe("TLS failures told apart by code", () => {
  const ctx: AttemptContext = {
    details: { operation: "list", method: "GET", path: "/p", attempts: 1 },
    redactor: new Redactor("k"),
    clock: Date.now,
    timeoutMs: 1,
    deadlineMs: 1,
  };
  const withCode = (code: string) => Object.assign(new Error(code), { code });

  it.each(["CERT_HAS_EXPIRED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_SSL_WRONG_VERSION_NUMBER"])(
    "%s, refused by the client, is final: trying again cannot help",
    (code) => {
      expect(classifyThrown(withCode(code), undefined, ctx).failure).toEqual({ kind: "final" });
    },
  );

  it.each(["ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR", "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"])(
    "%s, an alert the server sent, is a broken connection (a read retries it)",
    (code) => {
      expect(classifyThrown(withCode(code), undefined, ctx).failure).toEqual({ kind: "network" });
    },
  );
});
