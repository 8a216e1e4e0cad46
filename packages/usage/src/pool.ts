/**
 * Share of a port pool in use, from 0 to 1 (above 1 when more ports are allocated than the pool
 * holds, which the caller should see rather than have clamped). Undefined for a pool size that is
 * not a positive number.
 */
export function shareInUse(allocatedPorts: number, poolSize: number): number | undefined {
  if (!Number.isFinite(poolSize) || poolSize <= 0) return undefined;
  return allocatedPorts / poolSize;
}
