import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_DIR, renderAll } from "../scripts/render.js";

describe("generated types", () => {
  it("match a fresh generation from openapi/openapi.yaml (run `pnpm generate` when this fails)", async () => {
    const fresh = await renderAll();
    expect(Object.keys(fresh).length).toBeGreaterThan(0);
    for (const [name, text] of Object.entries(fresh)) {
      const committed = await readFile(join(GENERATED_DIR, name), "utf8");
      expect(committed, `src/generated/${name} is stale`).toBe(text);
    }
  });
});
