import { kqlFields, KqlSyntaxError, matchesKql, parseKql, valuesAt } from './kql';

describe('the KQL subset', () => {
  it('parses field matches joined by and, or and not, with and binding tighter than or', () => {
    expect(parseKql('a: x or b: "y z" and not c: w')).toEqual({
      type: 'or',
      children: [
        { type: 'match', field: 'a', values: ['x'] },
        { type: 'and', children: [{ type: 'match', field: 'b', values: ['y z'] }, { type: 'not', child: { type: 'match', field: 'c', values: ['w'] } }] },
      ],
    });
  });

  it('reads value lists, exists queries, parentheses, keywords in any case and escapes', () => {
    expect(parseKql('(event.kind: (alert OR signal)) AND user.name: * And msg: "say \\"hi\\""')).toEqual({
      type: 'and',
      children: [
        { type: 'match', field: 'event.kind', values: ['alert', 'signal'] },
        { type: 'exists', field: 'user.name' },
        { type: 'match', field: 'msg', values: ['say "hi"'] },
      ],
    });
    expect(parseKql('path: a\\:b')).toEqual({ type: 'match', field: 'path', values: ['a:b'] });
  });

  it.each([
    ['a value without a field', 'alert'],
    ['a missing value', 'event.kind:'],
    ['an unterminated quote', 'event.kind: "alert'],
    ['an unbalanced parenthesis', '(event.kind: alert'],
    ['a stray closing parenthesis', 'event.kind: alert)'],
    ['a dangling operator', 'event.kind: alert and'],
    ['two operators', 'a: x and or b: y'],
    ['a wildcard inside a value', 'user.name: adm*'],
    ['a range', 'risk >= 70'],
    ['a keyword as a field', 'and: x'],
  ])('refuses %s', (_case, query) => {
    expect(() => parseKql(query)).toThrow(KqlSyntaxError);
  });

  it('lists the fields a query names, once each', () => {
    expect(kqlFields(parseKql('a: 1 and (b: 2 or not a: 3) and c: *'))).toEqual(['a', 'b', 'c']);
  });

  it('reads values through objects and arrays as Elasticsearch flattens them', () => {
    const doc = { event: { kind: 'alert' }, evidence: [{ stage: 'shift' }, { stage: 'privileged' }], tags: ['x', 'y'] };
    expect(valuesAt(doc, 'evidence.stage')).toEqual(['shift', 'privileged']);
    expect(valuesAt(doc, 'tags')).toEqual(['x', 'y']);
    expect(valuesAt(doc, 'event.missing')).toEqual([]);
    expect(matchesKql(parseKql('evidence.stage: privileged and not event.kind: signal'), doc)).toBe(true);
    expect(matchesKql(parseKql('evidence.stage: tamper or event.missing: *'), doc)).toBe(false);
  });
});
