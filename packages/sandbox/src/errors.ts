/**
 * Base class of every error the sandbox throws on purpose: `instanceof SandboxError` catches them
 * all. Messages name the problem and the fix, never an API key; a wrapped error stays in `cause`.
 */
export class SandboxError extends Error {
  override name = "SandboxError";
}

/** A command line that cannot start the sandbox; the message is one line naming the fix. */
export class CliError extends SandboxError {
  override name = "CliError";
}

/** A `startSandbox` option that is wrong; the message names the option and the fix. */
export class SandboxOptionError extends SandboxError {
  override name = "SandboxOptionError";
}

/** A fault that is not valid, given as an object or in its text form. */
export class FaultError extends SandboxError {
  override name = "FaultError";
}

/** Seeds that cannot be stored: an invalid partial, or more ports than the pool has free. */
export class SeedError extends SandboxError {
  override name = "SeedError";
}

/** An API key that names no account of this sandbox (the key itself is not repeated). */
export class UnknownAccountError extends SandboxError {
  override name = "UnknownAccountError";
}
