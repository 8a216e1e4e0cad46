import { afterEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";

describe("latency faults under load", () => {
  let sb: Sandbox | undefined;
  afterEach(async () => {
    await sb?.close();
  });

  it("hold many requests at once without a listener-leak warning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      sb = await startSandbox({ apiKeys: ["k"] });
      sb.faults.add({ kind: "latency", route: "list", ms: 30 });
      const url = `${sb.url}/client/v1/proxy-connection/get-list?api-key=k`;
      const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(url)));
      expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));
      // note: process warnings are emitted on the next tick
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  });
});
