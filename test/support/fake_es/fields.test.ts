import { existsAt, normalize, valuesAt } from './fields';
import type { JsonObject } from './json';

describe('field paths', () => {
  it('reach nested objects, literal dotted keys and mixtures, through arrays', () => {
    const doc: JsonObject = {
      user: { name: 'a', 'identity.type': 'Role' },
      'user.id': 7,
      'aws.cloudtrail': { user_identity: { arn: 'arn:1' } },
      resources: [{ arn: 'r1' }, { arn: ['r2', 'r3'] }, { other: 1 }],
      empty: [],
      nothing: null,
    };
    expect(valuesAt(doc, ['user', 'name'])).toEqual(['a']);
    expect(valuesAt(doc, ['user', 'identity', 'type'])).toEqual(['Role']);
    expect(valuesAt(doc, ['user', 'id'])).toEqual([7]);
    expect(valuesAt(doc, ['aws', 'cloudtrail', 'user_identity', 'arn'])).toEqual(['arn:1']);
    expect(valuesAt(doc, ['resources', 'arn'])).toEqual(['r1', 'r2', 'r3']);
    expect(valuesAt(doc, ['empty'])).toEqual([]);
    expect(valuesAt(doc, ['nothing'])).toEqual([]);
    expect(valuesAt(doc, ['user'])).toEqual([]); // an object is not a value
  });

  it('treat an object with a concrete value below it as existing', () => {
    expect(existsAt({ user: { name: 'a' } }, ['user'])).toBe(true);
    expect(existsAt({ user: { name: null } }, ['user'])).toBe(false);
    expect(existsAt({ tags: [] }, ['tags'])).toBe(false);
  });

  it('normalize per kind: keywords as strings, numbers, dates as millis, time-named fields when they parse', () => {
    expect(normalize('keyword', 42)).toBe('42');
    expect(normalize('number', '42')).toBe(42);
    expect(normalize('number', 'x')).toBeUndefined();
    expect(normalize('date', '2025-01-01T00:00:00Z')).toBe(Date.UTC(2025, 0, 1));
    expect(normalize('dateish', '2025-01-01')).toBe(Date.UTC(2025, 0, 1));
    expect(normalize('dateish', 'not a date')).toBe('not a date');
    expect(normalize('boolean', 'true')).toBe(true);
  });
});
