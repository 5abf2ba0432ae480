import { MinHeap } from './min_heap';
import { ReorderBuffer } from './reorder_buffer';

/** A deterministic pseudo-random sequence (the test must not depend on luck). */
function* lcg(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x / 2147483648;
  }
}

describe('ReorderBuffer', () => {
  it('pops by time, and equal times in arrival order', () => {
    const buffer = new ReorderBuffer<string>();
    const random = lcg(7);
    const pushed: { time: number; id: string }[] = [];
    for (let i = 0; i < 5000; i++) {
      const time = Math.floor(random.next().value * 100);
      pushed.push({ time, id: `e${i}` });
      buffer.push(time, `e${i}`);
    }
    const expected = [...pushed].sort((a, b) => a.time - b.time).map((p) => p.id); // Array.sort is stable
    const popped: string[] = [];
    while (buffer.size > 0) popped.push(buffer.pop());
    expect(popped).toEqual(expected);
    expect(buffer.peekTime()).toBe(Infinity);
  });
});

describe('MinHeap', () => {
  it('pops the smallest first and drains what is left', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    const random = lcg(3);
    const values = Array.from({ length: 1000 }, () => random.next().value);
    values.forEach((v) => heap.push(v));
    const popped = Array.from({ length: 500 }, () => heap.pop());
    expect(popped).toEqual([...values].sort((a, b) => a - b).slice(0, 500));
    expect(heap.drain()).toHaveLength(500);
    expect(heap.pop()).toBeUndefined();
  });
});
