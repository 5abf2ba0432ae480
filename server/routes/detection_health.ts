/** GET detection/_health: what the detection task reports about itself (last run, checkpoint lag, errors). */
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { noQuerySchema, zodValidation } from './validation';

export function defineDetectionHealthRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.detectionHealth,
      validate: { query: zodValidation(noQuerySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'Detection task health' },
    },
    handleWithServices(servicesFor, 'the detection health could not be read', logger, async (services, _request, response) => {
      return response.ok({ body: await services.control.health() });
    }),
  );
}
