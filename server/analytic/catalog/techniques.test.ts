import { catalogEntries } from './classify';
import { TACTICS, TECHNIQUES, technique, techniqueUrl } from './techniques';

describe('ATT&CK techniques', () => {
  it('knows every technique the catalog uses', () => {
    const used = new Set(catalogEntries.flatMap((entry) => entry.techniques));
    expect([...used].filter((id) => !technique(id))).toEqual([]);
    expect(used.size).toBeGreaterThan(40);
  });

  it('covers the techniques the design names for this analytic', () => {
    const named = ['T1078.004', 'T1550.001', 'T1059.009', 'T1651', 'T1580', 'T1526', 'T1087.004', 'T1098', 'T1098.001', 'T1098.003',
      'T1136.003', 'T1562.008', 'T1552.005', 'T1530', 'T1537', 'T1485', 'T1578', 'T1548.005', 'T1531', 'T1069.003', 'T1619', 'T1021.007'];
    expect(named.filter((id) => !technique(id))).toEqual([]);
  });

  it('has well-formed ids, names and tactics; a sub-technique is named after its parent', () => {
    for (const [id, entry] of Object.entries(TECHNIQUES)) {
      expect(id).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(entry.tactics.length).toBeGreaterThan(0);
      for (const tactic of entry.tactics) expect(TACTICS[tactic]).toBeDefined();
      const parent = TECHNIQUES[id.split('.')[0]];
      if (id.includes('.') && parent) expect(entry.name.startsWith(`${parent.name}: `)).toBe(true);
    }
  });

  it('does not invent techniques for unknown or inherited ids', () => {
    expect(technique('T9999')).toBeUndefined();
    expect(technique('toString')).toBeUndefined();
  });

  it('links to the ATT&CK page', () => {
    expect(techniqueUrl('T1098.001')).toBe('https://attack.mitre.org/techniques/T1098/001/');
    expect(techniqueUrl('T1651')).toBe('https://attack.mitre.org/techniques/T1651/');
  });
});
