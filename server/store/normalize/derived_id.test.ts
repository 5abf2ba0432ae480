import { derivedId } from './derived_id';

describe('derivedId', () => {
  it('is deterministic, prefixed and 64 bits of hex', () => {
    const parts = ['corr-1', 1700000000000, 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', '/SUBSCRIPTIONS/X', 'oid'];
    expect(derivedId(parts)).toBe(derivedId([...parts]));
    expect(derivedId(parts)).toMatch(/^derived:[0-9a-f]{16}$/);
  });

  it('differs when any part differs, including where part boundaries fall', () => {
    expect(derivedId(['a', 'b'])).not.toBe(derivedId(['a', 'c']));
    expect(derivedId(['ab', 'c'])).not.toBe(derivedId(['a', 'bc']));
    expect(derivedId([undefined, 'x'])).not.toBe(derivedId(['x', undefined]));
  });

  it('does not collide over 200,000 distinct inputs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200000; i++) seen.add(derivedId(['corr', i, 'op']));
    expect(seen.size).toBe(200000);
  });
});
