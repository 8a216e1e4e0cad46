import { describe, expect, it } from "vitest";
import type { Operation } from "../src/errors.js";
import { type Failure, verdict } from "../src/retry.js";

const s = (status: number): Failure => ({ kind: "status", status });
const f = (kind: "not-sent" | "network" | "timeout" | "invalid" | "final"): Failure => ({ kind });

// [failure, list, update, create, delete]
const TABLE: [string, Failure, string, string, string, string][] = [
  ["refused / unresolved", f("not-sent"), "retry", "retry", "retry", "retry"],
  ["reset after connecting", f("network"), "retry", "retry", "outcome-unknown", "outcome-unknown"],
  ["attempt timeout", f("timeout"), "retry", "retry", "outcome-unknown", "outcome-unknown"],
  ["400", s(400), "fail", "fail", "fail", "fail"],
  ["403", s(403), "fail", "fail", "fail", "fail"],
  ["404", s(404), "fail", "fail", "fail", "fail"],
  ["408", s(408), "retry", "retry", "outcome-unknown", "outcome-unknown"],
  ["429", s(429), "retry", "retry", "retry", "retry"],
  ["500", s(500), "retry", "retry", "outcome-unknown", "outcome-unknown"],
  ["502", s(502), "retry", "retry", "outcome-unknown", "outcome-unknown"],
  ["503", s(503), "retry", "retry", "retry", "retry"],
  ["504", s(504), "retry", "retry", "outcome-unknown", "outcome-unknown"],
  ["garbled 2xx", f("invalid"), "fail", "fail", "outcome-unknown", "outcome-unknown"],
  ["success:false or redirect", f("final"), "fail", "fail", "fail", "fail"],
];

describe("the retry policy", () => {
  it.each(TABLE)("on %s: list %s, update %s, create %s, delete %s", (_, failure, ...want) => {
    const ops: Operation[] = ["list", "update", "create", "delete"];
    expect(ops.map((op) => verdict(op, failure))).toEqual(want);
  });
});
