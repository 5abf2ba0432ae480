/**
 * One shared copy of strings that repeat across events (services, actions, user agents). Each parsed record brings
 * fresh copies; handing out one copy instead lets events waiting in windows share their strings (less memory, less
 * for the collector to move) and makes later Map lookups and comparisons on them cheap: a string's hash is computed
 * once and kept, and `===` on the same copy needs no character reads.
 *
 * A fixed table of slots picked from a few characters: a slot holds the last string met there, so memory stays
 * bounded and a run of distinct strings only overwrites slots. Same values out as in.
 */
const SLOTS = 8192;
const table: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

export function intern(s: string): string;
export function intern(s: string | undefined): string | undefined;
export function intern(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const slot = slotOf(s);
  const known = table[slot];
  if (known === s) return known;
  table[slot] = s;
  return s;
}

function slotOf(s: string): number {
  const n = s.length;
  let h = Math.imul(n, 0x9e3779b1);
  if (n > 0) {
    h = Math.imul(h ^ (s.charCodeAt(0) | (s.charCodeAt(n >> 1) << 8) | (s.charCodeAt(n - 1) << 16)), 0x01000193);
    h = Math.imul(h ^ (s.charCodeAt(n >> 2) | (s.charCodeAt((n * 3) >> 2) << 8) | (s.charCodeAt(n > 2 ? n - 3 : 0) << 16)), 0x01000193);
    h = Math.imul(h ^ (s.charCodeAt(n > 1 ? n - 2 : 0) | (s.charCodeAt(n > 4 ? n - 5 : 0) << 8) | (s.charCodeAt(n > 8 ? n - 9 : 0) << 16)), 0x01000193);
  }
  return (h ^ (h >>> 15)) & (SLOTS - 1);
}
