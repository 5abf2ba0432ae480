/**
 * GET findings/_summary: the dashboard's top lists (root identities, privileged actions, provider/account pairs) with
 * the same filters as the list and the histogram, and a bounded length.
 */
import { z } from 'zod';
import { SUMMARY_MAX_SIZE } from '../../common/api';
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { findingsHistogramQuerySchema, toFindingsFilter } from './findings_query';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { checkTimeRange, integerSchema, zodValidation } from './validation';

export const DEFAULT_SUMMARY_SIZE = 10;

// The histogram's filters, each with its limits; `size` instead of `buckets`.
const { buckets: _buckets, ...filterShape } = findingsHistogramQuerySchema.shape;

export const findingsSummaryQuerySchema = z
  .object({ ...filterShape, size: integerSchema(1, SUMMARY_MAX_SIZE).default(DEFAULT_SUMMARY_SIZE) })
  .strict()
  .superRefine((value, ctx) => checkTimeRange(value, ctx));

export function defineFindingsSummaryRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.findingsSummary,
      validate: { query: zodValidation(findingsSummaryQuerySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'Top root identities, privileged actions and accounts among the findings' },
    },
    handleWithServices(servicesFor, 'the findings summary could not be computed', logger, async (services, request, response) => {
      const { size, ...filter } = request.query;
      // toFindingsFilter copies the filter fields alone; the histogram's `buckets` it takes is not read.
      const summary = await services.findings.summary(toFindingsFilter({ ...filter, buckets: 0 }), size);
      return response.ok({ body: summary });
    }),
  );
}
