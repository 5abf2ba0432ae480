/** Bounds on what a normalized event may carry, so one oversized field cannot bloat evidence or findings. */
export const MAX_IDENTIFIER = 512;
export const MAX_USER_AGENT = 1024;
export const MAX_RESOURCES = 50;
export const MAX_CHAIN = 20;

export function clip(s: string | undefined, max: number = MAX_IDENTIFIER): string | undefined {
  if (s === undefined) return undefined;
  return s.length > max ? s.slice(0, max) : s;
}

/** Adds a clipped value to a bounded, duplicate-free list. */
export function pushBounded(list: string[], value: string | undefined, max: number = MAX_RESOURCES): void {
  if (value === undefined || list.length >= max) return;
  const v = value.length > MAX_IDENTIFIER ? value.slice(0, MAX_IDENTIFIER) : value;
  if (!list.includes(v)) list.push(v);
}
