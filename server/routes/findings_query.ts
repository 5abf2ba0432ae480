/**
 * The finding filters shared by the list and the histogram, and their translation into the store's typed query.
 * The store receives only these typed fields, never the request's query object.
 */
import { z } from 'zod';
import { SEVERITIES, WORKFLOW_STATUSES } from '../../common/finding';
import { FINDING_SORT_FIELDS, type FindingsQuery } from '../store/types';
import {
  accountSchema,
  checkResultWindow,
  checkTimeRange,
  CLOUD_PROVIDERS,
  identitySchema,
  integerSchema,
  multiValued,
  pageSchema,
  perPageSchema,
  providerSchema,
  searchSchema,
  severitySchema,
  statusSchema,
  techniqueSchema,
  timeSchema,
} from './validation';

export const MAX_ACCOUNTS = 100;
export const MAX_TECHNIQUES = 50;
export const MAX_BUCKETS = 200;
export const DEFAULT_PER_PAGE = 25;
export const DEFAULT_BUCKETS = 50;

const filterShape = {
  from: timeSchema.optional(),
  to: timeSchema.optional(),
  severities: multiValued(severitySchema, SEVERITIES.length).optional(),
  providers: multiValued(providerSchema, CLOUD_PROVIDERS.length).optional(),
  accounts: multiValued(accountSchema, MAX_ACCOUNTS).optional(),
  identity: identitySchema.optional(),
  statuses: multiValued(statusSchema, WORKFLOW_STATUSES.length).optional(),
  techniques: multiValued(techniqueSchema, MAX_TECHNIQUES).optional(),
  search: searchSchema.optional(),
};

export const findingsListQuerySchema = z
  .object({
    ...filterShape,
    sortField: z.enum(FINDING_SORT_FIELDS).default('risk_score'),
    sortOrder: z.enum(['asc', 'desc']).default('desc'),
    page: pageSchema.default(0),
    perPage: perPageSchema.default(DEFAULT_PER_PAGE),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkTimeRange(value, ctx);
    checkResultWindow(value, ctx);
  });

export const findingsHistogramQuerySchema = z
  .object({ ...filterShape, buckets: integerSchema(1, MAX_BUCKETS).default(DEFAULT_BUCKETS) })
  .strict()
  .superRefine((value, ctx) => checkTimeRange(value, ctx));

export type FindingsFilter = Omit<FindingsQuery, 'sort' | 'page' | 'perPage'>;
type ValidFilter = z.output<typeof findingsHistogramQuerySchema> | z.output<typeof findingsListQuerySchema>;

/** Copies each validated filter field that was given; absent fields stay absent (no `undefined` keys). */
export function toFindingsFilter(v: ValidFilter): FindingsFilter {
  const filter: FindingsFilter = {};
  if (v.from !== undefined) filter.from = v.from;
  if (v.to !== undefined) filter.to = v.to;
  if (v.severities) filter.severities = v.severities;
  if (v.providers) filter.providers = v.providers;
  if (v.accounts) filter.accounts = v.accounts;
  if (v.identity !== undefined) filter.identity = v.identity;
  if (v.statuses) filter.statuses = v.statuses;
  if (v.techniques) filter.techniques = v.techniques;
  if (v.search !== undefined) filter.search = v.search;
  return filter;
}

export function toFindingsQuery(v: z.output<typeof findingsListQuerySchema>): FindingsQuery {
  return { ...toFindingsFilter(v), sort: { field: v.sortField, order: v.sortOrder }, page: v.page, perPage: v.perPage };
}
