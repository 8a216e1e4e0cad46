import type { Config } from "@nineproxy/api-types";
import { describe, expect, it } from "vitest";
import { sessionMode } from "../src/index.js";

describe("sessionMode", () => {
  it.each<[string, Config & { session_type?: number }, string]>([
    ["is_keep 1 is sticky", { is_keep: 1, is_random_ip: 0 }, "sticky"],
    ["is_random_ip 1 is rotating", { is_keep: 0, is_random_ip: 1 }, "rotating"],
    ["both flags set is unknown", { is_keep: 1, is_random_ip: 1 }, "unknown"],
    ["no flags is unknown", {}, "unknown"],
    ["session_type 2 without flags is sticky", { session_type: 2 }, "sticky"],
    ["session_type 1 without flags is rotating", { session_type: 1 }, "rotating"],
    ["flags win over session_type", { is_keep: 1, is_random_ip: 0, session_type: 1 }, "sticky"],
    ["an unknown session_type is unknown", { session_type: 3 }, "unknown"],
  ])("%s", (_name, config, expected) => {
    expect(sessionMode(config)).toBe(expected);
  });
});
