/**
 * GET findings/{id}: one finding with the raw records behind its evidence. The finding is the answer; records that
 * cannot be re-read (file moved, index deleted) leave the finding readable and say so.
 */
import { z } from 'zod';
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { findingIdSchema, noQuerySchema, zodValidation } from './validation';

const paramsSchema = z.object({ id: findingIdSchema }).strict();

export function defineGetFindingRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.finding,
      validate: { params: zodValidation(paramsSchema), query: zodValidation(noQuerySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'One finding with its evidence records' },
    },
    handleWithServices(servicesFor, 'the finding could not be read', logger, async (services, request, response) => {
      const finding = await services.findings.get(request.params.id);
      if (!finding) return response.notFound({ body: { message: 'no finding with this id' } });
      try {
        const records = await services.evidence.records(finding.cloud_api_abuse.evidence);
        return response.ok({ body: { finding, records } });
      } catch (err) {
        logger?.error(`evidence records could not be read: ${err instanceof Error ? err.message : String(err)}`);
        return response.ok({ body: { finding, records: [], recordsError: 'the evidence records could not be read' } });
      }
    }),
  );
}
