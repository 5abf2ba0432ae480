/**
 * GET saved_objects: the findings data view, the dashboard and its panels, as the NDJSON Stack Management > Saved
 * objects > Import takes, for the findings index of the request's space (from the server, never from the client).
 */
import { savedObjectsNdjson } from '../../plugin/saved_objects/dashboard';
import type { RouterLike } from '../kibana/types';
import { ROUTE_PATHS } from './constants';
import { defineNdjsonRoute, type FindingsIndexFor } from './get_security_rule';
import type { RouteLogger } from './services';

export function defineGetSavedObjectsRoute<Ctx>(router: RouterLike<Ctx>, findingsIndexFor: FindingsIndexFor<Ctx> | undefined, logger?: RouteLogger): void {
  defineNdjsonRoute(
    router,
    {
      path: ROUTE_PATHS.savedObjects,
      summary: 'Findings data view and dashboard (saved objects import NDJSON)',
      filename: 'cloud_api_abuse_saved_objects.ndjson',
      failure: 'the saved objects could not be generated',
      generate: savedObjectsNdjson,
    },
    findingsIndexFor,
    logger,
  );
}
