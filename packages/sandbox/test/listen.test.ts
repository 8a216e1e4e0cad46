import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../src/index.js";

describe("startSandbox on a port in use", () => {
  it("rejects with the system error and leaves no unhandled rejection behind", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      await expect(startSandbox({ apiKeys: ["k"], port })).rejects.toMatchObject({
        code: "EADDRINUSE",
      });
      // note: an unhandled rejection is reported after the current turn
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("unhandledRejection", onUnhandled);
      blocker.close();
    }
    expect(unhandled).toEqual([]);
  });
});
