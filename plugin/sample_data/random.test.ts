import { Rng, streamSeed, WeightedList } from './random';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and label, and differs otherwise', () => {
    const a = Rng.for(42, 'actor:x');
    const b = Rng.for(42, 'actor:x');
    const seqA = Array.from({ length: 50 }, () => a.u32());
    expect(Array.from({ length: 50 }, () => b.u32())).toEqual(seqA);
    const c = Rng.for(42, 'actor:y');
    const d = Rng.for(43, 'actor:x');
    expect(Array.from({ length: 50 }, () => c.u32())).not.toEqual(seqA);
    expect(Array.from({ length: 50 }, () => d.u32())).not.toEqual(seqA);
    expect(streamSeed(1, 'a')).not.toBe(streamSeed(1, 'b'));
  });

  it('draws uniform numbers in [0, 1) and integers within their bounds', () => {
    const r = new Rng(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it('makes version-4 UUIDs and ids in the providers alphabets, without repeats', () => {
    const r = new Rng(1);
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const u = r.uuid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(u);
    }
    expect(ids.size).toBe(10_000);
    expect(r.base32(16)).toMatch(/^[A-Z2-7]{16}$/);
    expect(r.upperAlnum(16)).toMatch(/^[A-Z0-9]{16}$/);
    expect(r.hex(20)).toMatch(/^[0-9a-f]{40}$/);
    expect(r.hex(2)).toMatch(/^[0-9a-f]{4}$/);
  });

  it('rounds fractional rates without bias', () => {
    const r = new Rng(5);
    let total = 0;
    for (let i = 0; i < 10_000; i++) total += r.round(0.3);
    expect(total / 10_000).toBeCloseTo(0.3, 1);
  });

  it('picks weighted items in proportion to their weights', () => {
    const r = new Rng(9);
    const list = new WeightedList<string>([
      ['a', 1],
      ['b', 3],
    ]);
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (list.draw(r) === 'b') b++;
    expect(b / 10_000).toBeCloseTo(0.75, 1);
  });
});
