/**
 * A binary min-heap of items keyed by time, ties broken by arrival order so equal times keep their input order.
 * Keys live in parallel arrays (unboxed doubles): no wrapper object per item.
 */
export class ReorderBuffer<T> {
  private readonly times: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  /** Time of the earliest item; Infinity when empty. */
  peekTime(): number {
    return this.items.length > 0 ? this.times[0] : Infinity;
  }

  push(time: number, item: T): void {
    const { times, seqs, items } = this;
    const seq = this.nextSeq++;
    let i = items.length;
    times.push(time);
    seqs.push(seq);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the earliest item. Call only when size > 0. */
  pop(): T {
    const { times, seqs, items } = this;
    const top = items[0];
    const lastTime = times.pop() as number;
    const lastSeq = seqs.pop() as number;
    const lastItem = items.pop() as T;
    const n = items.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && (times[right] < times[left] || (times[right] === times[left] && seqs[right] < seqs[left]))) {
        child = right;
      }
      const ct = times[child];
      if (ct > lastTime || (ct === lastTime && seqs[child] > lastSeq)) break;
      times[i] = ct;
      seqs[i] = seqs[child];
      items[i] = items[child];
      i = child;
    }
    times[i] = lastTime;
    seqs[i] = lastSeq;
    items[i] = lastItem;
    return top;
  }
}
