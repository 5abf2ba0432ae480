import { lowerCaseLookup } from './lower_case_lookup';

describe('lowerCaseLookup', () => {
  const table = new Map([
    ['serviceprincipal', 'service_account'],
    ['user', 'user'],
  ]);

  it('answers like a lookup of the lower-cased name, in any spelling, the second time too', () => {
    const lookup = lowerCaseLookup(table);
    for (let round = 0; round < 2; round++) {
      for (const name of ['ServicePrincipal', 'SERVICEPRINCIPAL', 'serviceprincipal', 'User', 'Group', '', 'İ']) {
        expect(lookup(name)).toBe(table.get(name.toLowerCase()));
      }
    }
  });

  it('stays right once more spellings have passed than it remembers', () => {
    const lookup = lowerCaseLookup(table, 2);
    expect(lookup('x')).toBeUndefined();
    expect(lookup('y')).toBeUndefined();
    expect(lookup('USER')).toBe('user');
    expect(lookup('ServicePrincipal')).toBe('service_account');
  });
});
