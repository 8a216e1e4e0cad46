import { describe, expect, it } from "vitest";
import { startErrorLine } from "../src/config/start-error.js";

describe("startErrorLine", () => {
  it("gives the first line of any other failure, with every secret cut out", () => {
    const error = new Error("An API error occurred: invalid_auth for xoxb-secret-token\n  at x");
    expect(startErrorLine(error, ["xoxb-secret-token"])).toBe(
      "start error: An API error occurred: invalid_auth for [REDACTED]",
    );
  });
});
