/**
 * Per root identity: what it normally uses (networks, countries, tools, interfaces, regions, services, roles it
 * assumes, accounts it impersonates). Bounded: at most `maxValues` values per dimension, least recently seen evicted.
 */
export type BaselineDimension =
  | 'network'
  | 'country'
  | 'asn'
  | 'tool'
  | 'interface'
  | 'region'
  | 'service'
  | 'privileged_action'
  | 'assumed_role'
  | 'impersonated';

interface Seen {
  first: number;
  last: number;
  count: number;
}

export class IdentityBaseline {
  firstSeen: number;
  events = 0;
  mfaSeen = false;
  private readonly dims = new Map<BaselineDimension, Map<string, Seen>>();

  constructor(
    time: number,
    private readonly maxValues: number,
    private readonly windowMs: number,
  ) {
    this.firstSeen = time;
  }

  hasHistory(time: number, minEvents: number, minMs: number): boolean {
    return this.events >= minEvents && time - this.firstSeen >= minMs;
  }

  /** Not seen within the history window before `time`. */
  isNew(dim: BaselineDimension, value: string, time: number): boolean {
    const seen = this.dims.get(dim)?.get(value);
    return !seen || seen.last < time - this.windowMs;
  }

  /** Takes in a value seen `count` times between `first` and `last` (history summarised by an aggregation). */
  seed(dim: BaselineDimension, value: string, first: number, last: number, count: number): void {
    let values = this.dims.get(dim);
    if (!values) {
      values = new Map();
      this.dims.set(dim, values);
    }
    const seen = values.get(value);
    if (seen) {
      seen.first = Math.min(seen.first, first);
      seen.last = Math.max(seen.last, last);
      seen.count += count;
      return;
    }
    if (values.size >= this.maxValues) this.evictOldest(values);
    values.set(value, { first, last, count });
  }

  observe(dim: BaselineDimension, value: string | undefined, time: number): void {
    if (value === undefined) return;
    let values = this.dims.get(dim);
    if (!values) {
      values = new Map();
      this.dims.set(dim, values);
    }
    const seen = values.get(value);
    if (seen) {
      seen.count++;
      if (time > seen.last) seen.last = time;
      if (time < seen.first) seen.first = time;
      return;
    }
    if (values.size >= this.maxValues) this.evictOldest(values);
    values.set(value, { first: time, last: time, count: 1 });
  }

  /** Every kept value of a dimension with how often and when it was seen (for identity profiles). */
  entries(dim: BaselineDimension): [string, Readonly<Seen>][] {
    const values = this.dims.get(dim);
    return values ? [...values.entries()] : [];
  }

  /** Most used values of a dimension, for the "before" side of a shift. */
  top(dim: BaselineDimension, n: number): string[] {
    const values = this.dims.get(dim);
    if (!values) return [];
    return [...values.entries()]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([v]) => v);
  }

  private evictOldest(values: Map<string, Seen>): void {
    let oldestKey: string | undefined;
    let oldest = Infinity;
    for (const [k, s] of values) {
      if (s.last < oldest) {
        oldest = s.last;
        oldestKey = k;
      }
    }
    if (oldestKey !== undefined) values.delete(oldestKey);
  }
}
