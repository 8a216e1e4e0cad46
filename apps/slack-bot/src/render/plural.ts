/** `1 port`, `2 ports`: a count with its noun, plural unless the count is exactly 1. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
