import { z } from 'zod';
import type { ValidationResultFactory } from '../kibana/types';
import {
  accountSchema,
  findingIdSchema,
  findingIdsSchema,
  identitySchema,
  multiValued,
  noBodySchema,
  noteSchema,
  parseTime,
  perPageSchema,
  searchSchema,
  severitySchema,
  techniqueSchema,
  timeSchema,
  zodValidation,
} from './validation';

const results: ValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error) => ({ error: error instanceof Error ? error : new Error(error) }),
};

function errorOf(schema: z.ZodType, data: unknown): string {
  const result = zodValidation(schema)(data, results);
  if (!('error' in result)) throw new Error(`expected a validation error for ${JSON.stringify(data)}`);
  return result.error.message;
}

describe('parseTime', () => {
  it('reads ISO 8601 times with a zone and epoch milliseconds', () => {
    expect(parseTime('2024-05-01T12:00:00Z')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseTime('2024-05-01T12:00:00.250Z')).toBe(Date.UTC(2024, 4, 1, 12, 0, 0, 250));
    expect(parseTime('2024-05-01T14:30:00+02:30')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseTime('2024-05-01T07:00-0500')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseTime('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
    expect(parseTime('1714564800000')).toBe(1714564800000);
    expect(parseTime(1714564800000)).toBe(1714564800000);
  });

  it('refuses a date-time without a zone, which the server would read in its own local time', () => {
    expect(parseTime('2024-05-01T12:00:00')).toBeUndefined();
  });

  it('refuses dates the calendar does not have and garbage', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-05-01T24:00:00Z', '2024-05-01T12:60Z', 'now-15m', 'yesterday', '', '1.5', '-1', `${'9'.repeat(41)}`]) {
      expect(parseTime(bad)).toBeUndefined();
    }
    expect(parseTime('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTime(-5)).toBeUndefined();
    expect(parseTime(1.5)).toBeUndefined();
    expect(parseTime(Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });

  it('timeSchema reports what it expected, without echoing the input', () => {
    expect(errorOf(z.object({ from: timeSchema }).strict(), { from: 'DROP TABLE' })).toMatch(/^from: expected an ISO 8601 time/);
    expect(errorOf(z.object({ from: timeSchema }).strict(), { from: 'DROP TABLE' })).not.toContain('DROP');
  });
});

describe('zodValidation', () => {
  const schema = z.object({ perPage: perPageSchema.optional(), severities: multiValued(severitySchema, 4).optional() }).strict();

  it('passes the parsed value through ok', () => {
    expect(zodValidation(schema)({ perPage: '20', severities: 'high' }, results)).toEqual({ value: { perPage: 20, severities: ['high'] } });
  });

  it('names the field in the message', () => {
    expect(errorOf(schema, { perPage: '1000' })).toMatch(/^perPage: Too big/);
    expect(errorOf(schema, { perPage: 'ten' })).toMatch(/^perPage: /);
    expect(errorOf(schema, { severities: ['high', 'severe'] })).toMatch(/^severities\.1: Invalid option/);
  });

  it('rejects unknown keys and names them', () => {
    const message = errorOf(schema, { query: '{"match_all":{}}', index: 'logs-*' });
    expect(message).toContain('query, index: unknown keys');
  });
});

describe('bounded values', () => {
  it('finding ids are 16-64 hex characters, lower-cased', () => {
    expect(findingIdSchema.parse('ABCDEF0123456789')).toBe('abcdef0123456789');
    for (const bad of ['abc', 'g'.repeat(32), 'a'.repeat(65), '../../etc/passwd', 'a'.repeat(31) + '*']) {
      expect(findingIdSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('id lists hold 1 to 1,000 ids, duplicates dropped', () => {
    const id = 'a'.repeat(32);
    expect(findingIdsSchema.parse([id, id.toUpperCase()])).toEqual([id]);
    expect(findingIdsSchema.safeParse([]).success).toBe(false);
    expect(findingIdsSchema.safeParse(Array.from({ length: 1001 }, (_, i) => i.toString(16).padStart(16, '0'))).success).toBe(false);
    expect(findingIdsSchema.safeParse(Array.from({ length: 1000 }, (_, i) => i.toString(16).padStart(16, '0'))).success).toBe(true);
  });

  it('accounts: AWS, GCP and Azure ids pass; wildcards, spaces and long values do not', () => {
    for (const ok of ['111122223333', 'my-project-1', '5f1c3a2e-0b1d-4c8e-9a6f-1234567890ab', 'org/unit:a@b.c']) expect(accountSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['logs-*', 'a b', '', 'a'.repeat(129), '{"match_all":{}}']) expect(accountSchema.safeParse(bad).success).toBe(false);
  });

  it('identities are printable and at most 512 characters', () => {
    expect(identitySchema.safeParse('arn:aws:iam::111122223333:user/Deploy Bot').success).toBe(true);
    expect(identitySchema.safeParse('a'.repeat(513)).success).toBe(false);
    expect(identitySchema.safeParse('alice\u0000').success).toBe(false);
  });

  it('technique ids look like T1078 or T1078.004', () => {
    expect(techniqueSchema.safeParse('T1078.004').success).toBe(true);
    for (const bad of ['T107', 'T1078.4', 't1078', 'T1078*']) expect(techniqueSchema.safeParse(bad).success).toBe(false);
  });

  it('search is trimmed printable text of at most 256 characters; blank means no search', () => {
    expect(searchSchema.parse('  CreateAccessKey ')).toBe('CreateAccessKey');
    expect(searchSchema.parse('   ')).toBeUndefined();
    expect(searchSchema.safeParse('x'.repeat(257)).success).toBe(false);
    expect(searchSchema.safeParse('a\u001bb').success).toBe(false);
    expect(searchSchema.safeParse('a\u200bb').success).toBe(false);
  });

  it('notes allow line breaks, not other control characters, up to 2,000 characters', () => {
    expect(noteSchema.safeParse('called the owner\nkey rotated').success).toBe(true);
    expect(noteSchema.safeParse('bell\u0007').success).toBe(false);
    expect(noteSchema.safeParse('n'.repeat(2001)).success).toBe(false);
  });

  it('an action without a body accepts nothing, null or {}, and no keys', () => {
    expect(noBodySchema.safeParse(undefined).success).toBe(true);
    expect(noBodySchema.safeParse(null).success).toBe(true);
    expect(noBodySchema.safeParse({}).success).toBe(true);
    expect(noBodySchema.safeParse({ index: 'logs-*' }).success).toBe(false);
  });
});
