/**
 * Deterministic id for records that carry no provider event id: two independent 32-bit FNV-1a lanes over the
 * identifying fields (64 bits in all, so collisions stay negligible at millions of events), hex, prefixed `derived:`.
 * Cheap by design: no crypto, no allocation beyond the result string.
 */
export function derivedId(parts: ReadonlyArray<string | number | undefined | null>): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const s = part === undefined || part === null ? '' : typeof part === 'number' ? String(part) : part;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    // separator, so ("ab","c") and ("a","bc") differ
    a = Math.imul(a ^ 0x7c, 0x01000193);
    b = Math.imul(b ^ 0x7c, 0x01000193) ^ (b >>> 15);
  }
  return `derived:${hex8(a)}${hex8(b)}`;
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
