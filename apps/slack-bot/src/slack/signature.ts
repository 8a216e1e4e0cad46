import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's replay window: a request dated more than 5 minutes from now either way is refused. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** Why a signature was refused (never includes the secret or the expected value). */
export type SignatureFailure =
  | "missing-timestamp"
  | "malformed-timestamp"
  | "stale-timestamp"
  | "future-timestamp"
  | "missing-signature"
  | "malformed-signature"
  | "bad-signature";

/** Inputs of a v0 signature check, as received. */
export interface SignatureCheck {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | string;
  nowMs: number;
}

/**
 * Computes Slack's v0 signature, `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`.
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export function signSlackRequest(
  signingSecret: string,
  timestamp: string,
  rawBody: Buffer | string,
) {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest("hex")}`;
}

/** Verifies a v0 signature within the 5-minute window, comparing in constant time. */
export function verifySlackSignature(
  check: SignatureCheck,
): { ok: true } | { ok: false; reason: SignatureFailure } {
  const { timestamp, signature } = check;
  if (timestamp === undefined || timestamp === "") return fail("missing-timestamp");
  if (!/^\d{1,12}$/.test(timestamp)) return fail("malformed-timestamp");
  const skew = Math.floor(check.nowMs / 1000) - Number(timestamp);
  if (skew > SIGNATURE_WINDOW_SECONDS) return fail("stale-timestamp");
  if (skew < -SIGNATURE_WINDOW_SECONDS) return fail("future-timestamp");
  if (signature === undefined || signature === "") return fail("missing-signature");
  if (!/^v0=[0-9a-fA-F]{64}$/.test(signature)) return fail("malformed-signature");

  const expected = Buffer.from(
    signSlackRequest(check.signingSecret, timestamp, check.rawBody).slice(3),
    "hex",
  );
  const given = Buffer.from(signature.slice(3).toLowerCase(), "hex");
  // note: both are 32 bytes here, so timingSafeEqual cannot throw on a length mismatch
  return timingSafeEqual(expected, given) ? { ok: true } : fail("bad-signature");
}

function fail(reason: SignatureFailure): { ok: false; reason: SignatureFailure } {
  return { ok: false, reason };
}
