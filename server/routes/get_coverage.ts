/** GET coverage: can the analytic see what it needs over a time range (per provider, account, region)? */
import { z } from 'zod';
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { checkTimeRange, timeSchema, zodValidation } from './validation';

/** A leap year: "the last year" always fits. */
export const MAX_COVERAGE_SPAN_MS = 366 * 86_400_000;

const querySchema = z
  .object({ from: timeSchema, to: timeSchema })
  .strict()
  .superRefine((value, ctx) => checkTimeRange(value, ctx, MAX_COVERAGE_SPAN_MS));

export function defineGetCoverageRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.coverage,
      validate: { query: zodValidation(querySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'Logging coverage report' },
    },
    handleWithServices(servicesFor, 'the coverage report could not be computed', logger, async (services, request, response) => {
      const report = await services.coverage.report({ from: request.query.from, to: request.query.to });
      return response.ok({ body: report });
    }),
  );
}
