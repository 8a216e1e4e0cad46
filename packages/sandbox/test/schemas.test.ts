import { describe, expect, it } from "vitest";
import { schemaErrors, schemaName } from "./support/schemas.js";

// the checks every other test relies on must themselves be able to fail
describe("the spec's schema check", () => {
  it("maps each route and status to the spec's response schema", () => {
    expect(schemaName("list", 200)).toBe("ResponseListConfig");
    expect(schemaName("create", 200)).toBe("ResponseGenerateConfig");
    expect(schemaName("delete", 400)).toBe("ResponseBadRequestError");
    expect(schemaName("update", 403)).toBe("ResponseForbiddenError");
    expect(() => schemaName("list", 500)).toThrow(/no 500 answer/);
  });

  it("accepts a complete error body", () => {
    expect(schemaErrors("list", 400, { success: false, message: "m", errors: ["e"] })).toEqual([]);
  });

  it.each([
    ["a wrong type", { success: "no", message: "m", errors: [] }],
    ["a missing field", { success: false, errors: [] }],
    ["an extra field", { success: false, message: "m", errors: [], code: 7 }],
    ["session_time as a number", { success: true, message: "m", result: { session_time: 15 } }],
  ])("rejects %s", (_why, body) => {
    expect(
      schemaErrors("create", 200, body).length + schemaErrors("create", 400, body).length,
    ).toBeGreaterThan(0);
  });
});
