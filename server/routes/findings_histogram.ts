/** GET findings/_histogram: findings over time by severity, for the chart, with the same filters as the list. */
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { findingsHistogramQuerySchema, toFindingsFilter } from './findings_query';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { zodValidation } from './validation';

export function defineFindingsHistogramRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.findingsHistogram,
      validate: { query: zodValidation(findingsHistogramQuerySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'Findings over time by severity' },
    },
    handleWithServices(servicesFor, 'the findings histogram could not be computed', logger, async (services, request, response) => {
      const histogram = await services.findings.histogram(toFindingsFilter(request.query), request.query.buckets);
      return response.ok({ body: histogram });
    }),
  );
}
