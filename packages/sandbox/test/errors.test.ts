import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli-args.js";
import {
  CliError,
  FaultError,
  parseFault,
  SandboxError,
  SandboxOptionError,
  SeedError,
  startSandbox,
  UnknownAccountError,
} from "../src/index.js";
import { KEY, sandbox } from "./support/sandbox.js";

/** What `run` threw, or a failure when it threw nothing. */
async function thrown(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("sandbox errors", () => {
  it.each([
    [
      "a wrong option",
      () => startSandbox({ apiKeys: [] }),
      SandboxOptionError,
      /^startSandbox: apiKeys must name at least one key/,
    ],
    [
      "an invalid fault",
      async () => (await sandbox()).faults.add({ kind: "explode" } as never),
      FaultError,
      /use one of/,
    ],
    ["a fault spec", () => parseFault("list:boom"), FaultError, /syntax: \[route:\]kind/],
    [
      "a seed partial",
      async () => (await sandbox()).seed(KEY, [{ quantity: 0 }]),
      SeedError,
      /^seed 0: quantity must be an integer/,
    ],
    [
      "seeds that do not fit",
      async () => (await sandbox()).seed(KEY, 1e9),
      SeedError,
      /do not fit: .*seed fewer or smaller configs, .* start it with larger servers$/,
    ],
    [
      "an unknown api key",
      async () => (await sandbox()).configs("nope-secret"),
      UnknownAccountError,
      /no account has that api key: use one of the keys given in startSandbox's apiKeys$/,
    ],
    [
      "a bad flag",
      () => parseCliArgs(["--bogus"]),
      CliError,
      /^unknown flag --bogus: run with --help/,
    ],
  ])(
    "throws %s as its own SandboxError subclass with the fix",
    async (_what, run, type, message) => {
      const error = await thrown(run);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(SandboxError);
      expect(error.name).toBe(type.name);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain("nope-secret");
    },
  );

  it("keeps what a flag error wraps as its cause", async () => {
    const fault = await thrown(() => parseCliArgs(["--api-key", "k", "--fault", "list:boom"]));
    expect(fault).toBeInstanceOf(CliError);
    expect(fault.cause).toBeInstanceOf(FaultError);

    const unknown = await thrown(() => parseCliArgs(["--bogus"]));
    expect(unknown.cause).toMatchObject({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" });
  });
});
