/**
 * PUT automation: replaces the expected-automation file. The body is the same document as the CLI's YAML/JSON file,
 * validated by the same schema, so what the UI saves the CLI can read and vice versa.
 */
import { expectedAutomationSchema } from '../analytic/automation';
import type { RouterLike } from '../kibana/types';
import { ROUTE_PATHS, writeSecurity } from './constants';
import { forbiddenWithoutUser, handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { noQuerySchema, zodValidation } from './validation';

export function definePutAutomationRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.put(
    {
      path: ROUTE_PATHS.automation,
      validate: { query: zodValidation(noQuerySchema), body: zodValidation(expectedAutomationSchema) },
      security: writeSecurity(),
      options: { access: 'internal', summary: 'Replace expected automation' },
    },
    handleWithServices(servicesFor, 'the expected automation could not be saved', logger, async (services, request, response) => {
      const by = services.currentUser();
      if (!by) return forbiddenWithoutUser(response);
      await services.automation.put(request.body, by);
      return response.ok({ body: request.body });
    }),
  );
}
