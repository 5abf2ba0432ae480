/** GET automation: the expected-automation file (identities, tools, accounts run on purpose). */
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { noQuerySchema, zodValidation } from './validation';

export function defineGetAutomationRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.automation,
      validate: { query: zodValidation(noQuerySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'Expected automation' },
    },
    handleWithServices(servicesFor, 'the expected automation could not be read', logger, async (services, _request, response) => {
      return response.ok({ body: await services.automation.get() });
    }),
  );
}
