/** GET findings: one page of findings matching the filters, sorted. */
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { findingsListQuerySchema, toFindingsQuery } from './findings_query';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { zodValidation } from './validation';

export function defineFindFindingsRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.findings,
      validate: { query: zodValidation(findingsListQuerySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'List findings' },
    },
    handleWithServices(servicesFor, 'findings could not be listed', logger, async (services, request, response) => {
      const page = await services.findings.list(toFindingsQuery(request.query));
      return response.ok({ body: page });
    }),
  );
}
