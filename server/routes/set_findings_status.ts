/** POST findings/_status: analysts open, acknowledge or close findings; who and when come from the server. */
import { z } from 'zod';
import type { RouterLike } from '../kibana/types';
import { ROUTE_PATHS, writeSecurity } from './constants';
import { forbiddenWithoutUser, handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { findingIdsSchema, noQuerySchema, noteSchema, statusSchema, zodValidation } from './validation';

const bodySchema = z.object({ ids: findingIdsSchema, status: statusSchema, note: noteSchema.optional() }).strict();

export function defineSetFindingsStatusRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.post(
    {
      path: ROUTE_PATHS.findingsStatus,
      validate: { query: zodValidation(noQuerySchema), body: zodValidation(bodySchema) },
      security: writeSecurity(),
      options: { access: 'internal', summary: 'Set the workflow status of findings' },
    },
    handleWithServices(servicesFor, 'the status could not be changed', logger, async (services, request, response) => {
      const by = services.currentUser();
      if (!by) return forbiddenWithoutUser(response);
      const { ids, status, note } = request.body;
      const result = await services.findings.setStatus({ ids, status, by, at: new Date().toISOString(), ...(note !== undefined && { note }) });
      if (result.updated.length === 0) {
        return response.notFound({ body: { message: 'none of these findings exist', attributes: { missing: result.missing } } });
      }
      return response.ok({ body: result });
    }),
  );
}
