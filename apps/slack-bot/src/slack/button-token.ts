import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** What a signed button value carries: the pending operation and who may complete it. */
export interface PendingOperation<T = unknown> {
  /** Operation kind, e.g. `delete` or `create`. */
  op: string;
  team: string;
  user: string;
  channel: string;
  /** Unique id of this prompt; a second click with the same nonce does nothing. */
  nonce: string;
  /** Expiry, unix seconds. */
  exp: number;
  data: T;
}

/** Why a button value was refused. */
export type ButtonTokenFailure = "malformed" | "bad-signature" | "expired";

const VERSION = "b1";

/** Derives the button-signing key from the signing secret, so every replica shares it. */
export function buttonKey(signingSecret: string): Buffer {
  return createHmac("sha256", signingSecret).update("nineproxy-slack-bot/button-value/v1").digest();
}

/** Signs a pending operation into a button value: `b1.<payload>.<mac>`, base64url. */
export function signButtonValue<T>(
  key: Buffer,
  operation: Omit<PendingOperation<T>, "nonce" | "exp">,
  nowMs: number,
  ttlMs: number,
): string {
  const full: PendingOperation<T> = {
    ...operation,
    nonce: randomBytes(9).toString("base64url"),
    exp: Math.floor((nowMs + ttlMs) / 1000),
  };
  const payload = Buffer.from(JSON.stringify(full)).toString("base64url");
  return `${VERSION}.${payload}.${mac(key, payload)}`;
}

/** Verifies a button value's signature and expiry, and returns the operation it carries. */
export function verifyButtonValue<T>(
  key: Buffer,
  value: unknown,
  nowMs: number,
): { ok: true; operation: PendingOperation<T> } | { ok: false; reason: ButtonTokenFailure } {
  if (typeof value !== "string") return { ok: false, reason: "malformed" };
  const [version, payload, signature, ...rest] = value.split(".");
  if (version !== VERSION || !payload || !signature || rest.length > 0) {
    return { ok: false, reason: "malformed" };
  }
  const expected = Buffer.from(mac(key, payload), "base64url");
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad-signature" };
  }
  let operation: PendingOperation<T>;
  try {
    operation = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof operation?.exp !== "number" || typeof operation.nonce !== "string") {
    return { ok: false, reason: "malformed" };
  }
  if (Math.floor(nowMs / 1000) > operation.exp) return { ok: false, reason: "expired" };
  return { ok: true, operation };
}

function mac(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(`${VERSION}.${payload}`).digest("base64url");
}
