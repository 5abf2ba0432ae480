/**
 * Route input validation: zod schemas with explicit bounds on every value (session_view's convention), turned into
 * Kibana `RouteValidationFunction`s. Every object schema is strict, so a key the API does not define (`query`,
 * `index`, `body`, `dsl` ...) is a 400: a client can never hand the store query DSL or an index name.
 */
import { z } from 'zod';
import type { CloudProvider } from '../../common/audit_event';
import { SEVERITIES, WORKFLOW_STATUSES } from '../../common/finding';
import type { RouteValidationFunction } from '../kibana/types';

export const MAX_PER_PAGE = 100;
/** Elasticsearch's default `index.max_result_window`: deeper pages need search_after, not page numbers. */
export const MAX_RESULT_WINDOW = 10_000;
export const MAX_IDS = 1_000;
export const MAX_SEARCH_LENGTH = 256;
export const MAX_ACCOUNT_LENGTH = 128;
export const MAX_IDENTITY_LENGTH = 512;
export const MAX_NOTE_LENGTH = 2_000;

const MAX_TIME_LENGTH = 40;
/** 9999-12-31T23:59:59.999Z: beyond it a time is a typo, not a range. */
const MAX_EPOCH_MS = 253_402_300_799_999;
const MAX_REPORTED_ISSUES = 3;
const MAX_REPORTED_KEY_LENGTH = 64;

const DIGITS = /^\d{1,15}$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2})))?$/;
/** No control, format, private-use, surrogate or unassigned characters. */
const PRINTABLE = /^\P{C}*$/u;
/** Printable, plus the line breaks and tabs a note may hold. */
const PRINTABLE_TEXT = /^[\P{C}\n\r\t]*$/u;
const FINDING_ID = /^[0-9a-fA-F]{16,64}$/;
const ACCOUNT = /^[A-Za-z0-9._:@/-]+$/;
const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/;

// --- the adapter -------------------------------------------------------------------------------------------------

/**
 * A Kibana validation function from a zod schema. On failure the message names the field (`perPage: Too big ...`);
 * Kibana prefixes the request part (`[request query]: ...`). Input values are never echoed back.
 */
export function zodValidation<S extends z.ZodType>(schema: S): RouteValidationFunction<z.output<S>> {
  return (data, result) => {
    const parsed = schema.safeParse(data);
    return parsed.success ? result.ok(parsed.data) : result.badRequest(describeIssues(parsed.error.issues));
  };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.slice(0, MAX_REPORTED_ISSUES).map(describeIssue).join('; ');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.map((p) => `${String(p)}.`).join('');
    const keys = issue.keys.map((k) => `${prefix}${k.slice(0, MAX_REPORTED_KEY_LENGTH)}`);
    return `${keys.join(', ')}: ${keys.length > 1 ? 'unknown keys' : 'unknown key'} (this API accepts no query DSL, index or extra fields)`;
  }
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

// --- time --------------------------------------------------------------------------------------------------------

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Epoch milliseconds from epoch milliseconds (number or digits) or an ISO 8601 date or date-time. A date-time must
 * carry its zone (`Z` or an offset): without one, JavaScript would read it in the server's local zone.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= MAX_EPOCH_MS ? value : undefined;
  }
  if (typeof value !== 'string' || value.length > MAX_TIME_LENGTH) return undefined;
  if (DIGITS.test(value)) return parseTime(Number(value));
  const m = ISO_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const t = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return t >= 0 && t <= MAX_EPOCH_MS ? t : undefined;
}

const TIME_EXPECTED = 'expected an ISO 8601 time with a zone (2024-05-01T12:00:00Z) or epoch milliseconds';

/** A time as epoch ms (see parseTime). */
export const timeSchema = z
  .union([z.number(), z.string()], { error: (issue) => (issue.input === undefined ? 'required' : TIME_EXPECTED) })
  .transform((value, ctx) => {
    const t = parseTime(value);
    if (t === undefined) {
      ctx.addIssue({ code: 'custom', message: TIME_EXPECTED });
      return z.NEVER;
    }
    return t;
  });

// --- query-string numbers and lists ------------------------------------------------------------------------------

/** An integer that arrives as a query-string digit string (or a number from a JSON body). */
export function integerSchema(min: number, max: number) {
  return z.preprocess((v) => (typeof v === 'string' && DIGITS.test(v) ? Number(v) : v), z.number().int().min(min).max(max));
}

/** A query parameter given once (`?x=a`, a string) or repeated (`?x=a&x=b`, an array); duplicates dropped. */
export function multiValued<T extends z.ZodType>(item: T, maxItems: number) {
  return z
    .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item).min(1).max(maxItems))
    .transform((values) => [...new Set(values)]);
}

// --- domain values -----------------------------------------------------------------------------------------------

export const CLOUD_PROVIDERS = ['aws', 'gcp', 'azure'] as const satisfies readonly CloudProvider[];

export const findingIdSchema = z
  .string()
  .regex(FINDING_ID, 'expected a finding id of 16 to 64 hexadecimal characters')
  .transform((id) => id.toLowerCase());

export const findingIdsSchema = z
  .array(findingIdSchema)
  .min(1)
  .max(MAX_IDS)
  .transform((ids) => [...new Set(ids)]);

export const severitySchema = z.enum(SEVERITIES);
export const providerSchema = z.enum(CLOUD_PROVIDERS);
export const statusSchema = z.enum(WORKFLOW_STATUSES);

/** AWS account ids, GCP project ids, Azure subscription and tenant ids. */
export const accountSchema = z
  .string()
  .min(1)
  .max(MAX_ACCOUNT_LENGTH)
  .regex(ACCOUNT, 'expected letters, digits and . _ : @ / - only');

/** A root identity id: an ARN, an email, a UPN, an instance ARN. */
export const identitySchema = z.string().min(1).max(MAX_IDENTITY_LENGTH).regex(PRINTABLE, 'expected printable characters only');

export const techniqueSchema = z.string().regex(TECHNIQUE_ID, 'expected an ATT&CK technique id such as T1078 or T1078.004');

/** Free text, matched as plain text by the store; blank means no search. */
export const searchSchema = z
  .string()
  .max(MAX_SEARCH_LENGTH)
  .regex(PRINTABLE, 'expected printable characters only')
  .transform((s) => s.trim() || undefined);

export const noteSchema = z.string().max(MAX_NOTE_LENGTH).regex(PRINTABLE_TEXT, 'expected printable characters, line breaks and tabs only');

/** 0-based page number. */
export const pageSchema = integerSchema(0, MAX_RESULT_WINDOW - 1);
export const perPageSchema = integerSchema(1, MAX_PER_PAGE);

/** No query parameters at all: any key is rejected. */
export const noQuerySchema = z.object({}).strict();
/** An action without a body: an empty body, `{}` or nothing; any key is rejected. */
export const noBodySchema = z.object({}).strict().nullish();

// --- cross-field checks (for superRefine) ------------------------------------------------------------------------

export function checkResultWindow(value: { page: number; perPage: number }, ctx: z.RefinementCtx): void {
  if (value.page * value.perPage + value.perPage > MAX_RESULT_WINDOW) {
    ctx.addIssue({
      code: 'custom',
      path: ['page'],
      message: `(page + 1) * perPage must be <= ${MAX_RESULT_WINDOW} (narrow the filters instead of paging deeper)`,
    });
  }
}

export function checkTimeRange(value: { from?: number; to?: number }, ctx: z.RefinementCtx, maxSpanMs?: number): void {
  if (value.from === undefined || value.to === undefined) return;
  if (value.from >= value.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
  } else if (maxSpanMs !== undefined && value.to - value.from > maxSpanMs) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${Math.round(maxSpanMs / 86_400_000)} days after from` });
  }
}
