import { IdentityBaseline } from './baseline';

const HOUR = 3_600_000;

describe('IdentityBaseline', () => {
  it('knows a network once seen and forgets it after the history window', () => {
    const b = new IdentityBaseline(0, 10, 24 * HOUR);
    expect(b.isNew('network', '10.0.0.0/24', HOUR)).toBe(true);
    b.observe('network', '10.0.0.0/24', HOUR);
    expect(b.isNew('network', '10.0.0.0/24', 2 * HOUR)).toBe(false);
    expect(b.isNew('network', '10.0.0.0/24', 26 * HOUR)).toBe(true);
  });

  it('claims history only with enough events over enough time', () => {
    const b = new IdentityBaseline(0, 10, 24 * HOUR);
    b.events = 50;
    expect(b.hasHistory(30 * 60_000, 20, HOUR)).toBe(false);
    expect(b.hasHistory(2 * HOUR, 20, HOUR)).toBe(true);
    b.events = 5;
    expect(b.hasHistory(2 * HOUR, 20, HOUR)).toBe(false);
  });

  it('stays bounded, evicting the least recently seen value', () => {
    const b = new IdentityBaseline(0, 3, 24 * HOUR);
    b.observe('tool', 'a', 1);
    b.observe('tool', 'b', 2);
    b.observe('tool', 'c', 3);
    b.observe('tool', 'a', 4);
    b.observe('tool', 'd', 5);
    expect(b.isNew('tool', 'b', 6)).toBe(true);
    expect(b.isNew('tool', 'a', 6)).toBe(false);
    expect(b.top('tool', 5).sort()).toEqual(['a', 'c', 'd']);
  });
});
