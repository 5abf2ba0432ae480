/** GET identities: per root identity, what it usually does (interfaces, networks, services), busiest first. */
import { z } from 'zod';
import type { RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import { handleWithServices } from './handler';
import type { RouteLogger, ServicesFor } from './services';
import { CLOUD_PROVIDERS, checkResultWindow, multiValued, pageSchema, perPageSchema, providerSchema, searchSchema, zodValidation } from './validation';

export const DEFAULT_IDENTITIES_PER_PAGE = 20;

const querySchema = z
  .object({
    providers: multiValued(providerSchema, CLOUD_PROVIDERS.length).optional(),
    search: searchSchema.optional(),
    page: pageSchema.default(0),
    perPage: perPageSchema.default(DEFAULT_IDENTITIES_PER_PAGE),
  })
  .strict()
  .superRefine((value, ctx) => checkResultWindow(value, ctx));

export function defineGetIdentitiesRoute<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger): void {
  router.get(
    {
      path: ROUTE_PATHS.identities,
      validate: { query: zodValidation(querySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: 'Identity profiles: usual interfaces, networks and services per root identity' },
    },
    handleWithServices(servicesFor, 'identity profiles could not be listed', logger, async (services, request, response) => {
      const { providers, search, page, perPage } = request.query;
      const query: Parameters<typeof services.identities.list>[0] = { page, perPage };
      if (providers) query.providers = providers;
      if (search) query.search = search;
      return response.ok({ body: await services.identities.list(query) });
    }),
  );
}
