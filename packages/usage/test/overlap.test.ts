import { describe, expect, it } from "vitest";
import { countOverlapping } from "../src/index.js";

const r = (start: number, end: number) => ({ start, end });

describe("countOverlapping", () => {
  it.each([
    ["none for disjoint ranges", [r(1, 5), r(6, 10), r(11, 11)], 0],
    ["none for an empty list", [], 0],
    ["both of two ranges sharing one port", [r(1, 5), r(5, 9)], 2],
    ["a range nested in another, and the outer one", [r(1, 100), r(10, 20)], 2],
    ["every range touched by a wide one, whatever the order", [r(50, 60), r(1, 100), r(5, 6)], 3],
    ["an early range that only the next one overlaps", [r(1, 10), r(2, 3), r(20, 30)], 2],
    ["identical ranges", [r(7, 8), r(7, 8)], 2],
    [
      "only the overlapping pair among disjoint ones",
      [r(1, 2), r(10, 20), r(15, 16), r(30, 40)],
      2,
    ],
  ])("counts %s", (_name, ranges, expected) => {
    expect(countOverlapping(ranges)).toBe(expected);
  });
});
