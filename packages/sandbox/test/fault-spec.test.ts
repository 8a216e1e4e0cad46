import { describe, expect, it } from "vitest";
import { parseFault } from "../src/fault-spec.js";

describe("parseFault", () => {
  it.each([
    ["list:latency=20", { route: "list", kind: "latency", ms: 20 }],
    ["latency=20", { route: "*", kind: "latency", ms: 20 }],
    ["*:status=503:times=2", { route: "*", kind: "status", status: 503, times: 2 }],
    [
      "create:status=429:retry-after=2",
      { route: "create", kind: "status", status: 429, retryAfter: 2 },
    ],
    [
      "list:status=429:retry-after-date=5",
      { route: "list", kind: "status", status: 429, retryAfter: 5, retryAfterAs: "date" },
    ],
    ["delete:reset-before", { route: "delete", kind: "reset-before" }],
    ["create:reset-after:times=1", { route: "create", kind: "reset-after", times: 1 }],
    ["update:hang", { route: "update", kind: "hang" }],
    ["list:non-json", { route: "list", kind: "non-json" }],
    ["list:html=502", { route: "list", kind: "html", status: 502 }],
    ["delete:success-false=Busy", { route: "delete", kind: "success-false", message: "Busy" }],
    ["redirect-self", { route: "*", kind: "redirect-self" }],
    ["create:status=502:apply=true", { route: "create", kind: "status", status: 502, apply: true }],
    ["delete:html:apply=false", { route: "delete", kind: "html", apply: false }],
    ["list:redirect-self=307", { route: "list", kind: "redirect-self", status: 307 }],
  ])("reads %s", (spec, fault) => {
    expect(parseFault(spec)).toEqual(fault);
  });

  it.each([
    ["list:explode", /unknown kind "explode"/],
    ["list:latency", /latency needs a value in ms/],
    ["list:latency=fast", /latency needs ms/],
    ["list:latency=3000000000", /latency needs ms, an integer 0-2147483647/],
    ["status=429:retry-after-date=99999999999999", /retryAfter must be whole seconds/],
    ["status", /status needs a code/],
    ["status=200", /status needs an HTTP status 400-599/],
    ["list:hang=5", /hang takes no value/],
    ["list:hang:times", /option "times" needs a value/],
    ["list:hang:times=0", /times must be an integer ≥ 1/],
    ["list:hang:retry-after=3", /unknown option "retry-after" for hang/],
    ["get-list:hang", /unknown kind "get-list"/],
    ["create:reset-after:apply=true", /apply only goes with status/],
    ["create:status=500:apply=1", /apply must be true or false/],
  ])("refuses %s, quoting it and the syntax", (spec, reason) => {
    expect(() => parseFault(spec)).toThrow(reason);
    expect(() => parseFault(spec)).toThrow(`fault "${spec}"`);
    expect(() => parseFault(spec)).toThrow(/syntax: \[route:\]kind/);
  });
});
