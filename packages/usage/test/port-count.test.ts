import type { Config } from "@nineproxy/api-types";
import { describe, expect, it } from "vitest";
import { portCount, portRange, rangeProblem } from "../src/index.js";

describe("portCount", () => {
  it.each<[string, Config, number | undefined, string | undefined]>([
    ["counts both ends", { start_port: 10000, end_port: 10009 }, 10, undefined],
    ["a single port is one", { start_port: 10000, end_port: 10000 }, 1, undefined],
    [
      "end below start is inconsistent",
      { start_port: 10, end_port: 9 },
      undefined,
      "endBeforeStart",
    ],
    ["a missing end is inconsistent", { start_port: 10 }, undefined, "missingPorts"],
    ["a missing start is inconsistent", { end_port: 10 }, undefined, "missingPorts"],
    [
      "a fractional port is inconsistent",
      { start_port: 1.5, end_port: 3 },
      undefined,
      "missingPorts",
    ],
    [
      "a port above 65535 is inconsistent",
      { start_port: 1, end_port: 70000 },
      undefined,
      "missingPorts",
    ],
    ["a negative port is inconsistent", { start_port: -1, end_port: 3 }, undefined, "missingPorts"],
  ])("%s", (_name, config, count, problem) => {
    expect(portCount(config)).toBe(count);
    expect(rangeProblem(config)).toBe(problem);
    expect(portRange(config) === undefined).toBe(count === undefined);
  });
});
