/**
 * Seeded pseudo-random numbers for the sample data. xoshiro128** (128-bit state, period 2^128 - 1) so that a million
 * generated ids never cycle, seeded through splitmix32. Never Math.random: the same seed must give the same bytes.
 */

/** FNV-1a over a label, mixed with the seed: independent streams per actor, chain or file. */
export function streamSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** A new generator for a named sub-stream, so that consumers do not shift each other's sequences. */
  static for(seed: number, label: string): Rng {
    return new Rng(streamSeed(seed, label));
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Pick by weight; `weights` sums need not be 1. */
  weighted<T>(items: readonly T[], cumulative: readonly number[]): T {
    const total = cumulative[cumulative.length - 1];
    const x = this.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  }

  /** Exponential with the given mean (for gaps between calls). */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** floor(x) plus one with probability frac(x): unbiased integer counts from fractional rates. */
  round(x: number): number {
    const f = Math.floor(x);
    return f + (this.next() < x - f ? 1 : 0);
  }

  hex(bytes: number): string {
    let s = '';
    for (let i = 0; i < bytes; i += 4) {
      const v = this.u32();
      s += HEX[v & 255] + HEX[(v >>> 8) & 255] + HEX[(v >>> 16) & 255] + HEX[v >>> 24];
    }
    return s.length > bytes * 2 ? s.slice(0, bytes * 2) : s;
  }

  /** RFC 4122 version-4 UUID. */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    return (
      HEX[a >>> 24] + HEX[(a >>> 16) & 255] + HEX[(a >>> 8) & 255] + HEX[a & 255] + '-' +
      HEX[b >>> 24] + HEX[(b >>> 16) & 255] + '-' +
      HEX[0x40 | ((b >>> 8) & 15)] + HEX[b & 255] + '-' +
      HEX[0x80 | ((c >>> 24) & 63)] + HEX[(c >>> 16) & 255] + '-' +
      HEX[(c >>> 8) & 255] + HEX[c & 255] + HEX[d >>> 24] + HEX[(d >>> 16) & 255] + HEX[(d >>> 8) & 255] + HEX[d & 255]
    );
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let s = '';
    const n = alphabet.length;
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * n)];
    return s;
  }

  /** [A-Z0-9], the alphabet of S3 request ids. */
  upperAlnum(length: number): string {
    return this.chars(UPPER_ALNUM, length);
  }

  /** [a-zA-Z0-9], the alphabet of CloudTrail delivery file suffixes. */
  alnum(length: number): string {
    return this.chars(ALNUM, length);
  }

  /** [a-z0-9], the alphabet of GCP insertIds. */
  lowerAlnum(length: number): string {
    return this.chars(LOWER_ALNUM, length);
  }

  /** [A-Z2-7], the alphabet of AWS access key and principal ids. */
  base32(length: number): string {
    return this.chars(BASE32, length);
  }

  /** Base64url, the alphabet of Entra token identifiers (uti). */
  base64url(length: number): string {
    return this.chars(BASE64URL, length);
  }

  digits(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(48 + Math.floor(this.next() * 10));
    return s;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Cumulative weights for Rng.weighted. */
export function cumulative(weights: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    out.push(sum);
  }
  return out;
}

/** A weighted choice prepared once and drawn from many times. */
export class WeightedList<T> {
  readonly items: readonly T[];
  private readonly cum: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map((e) => e[0]);
    this.cum = cumulative(entries.map((e) => e[1]));
  }

  draw(rng: Rng): T {
    return rng.weighted(this.items, this.cum);
  }
}
