/** POST detection/_run_soon: ask the scheduler for a detection run now instead of at the next interval. */
import type { RouterLike } from '../kibana/types';
import { ROUTE_PATHS, writeSecurity } from './constants';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { noBodySchema, noQuerySchema, zodValidation } from './validation';

export function defineRunDetectionSoonRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.post(
    {
      path: ROUTE_PATHS.detectionRunSoon,
      validate: { query: zodValidation(noQuerySchema), body: zodValidation(noBodySchema) },
      security: writeSecurity(),
      options: { access: 'internal', summary: 'Run detection as soon as possible' },
    },
    handleWithServices(servicesFor, 'the detection run could not be requested', logger, async (services, _request, response) => {
      const result = await services.control.runNow();
      return response.accepted({ body: result });
    }),
  );
}
