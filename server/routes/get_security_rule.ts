/**
 * GET security_rule: the Security detection rule that promotes findings into Security alerts, as the NDJSON
 * Security > Rules > Import takes, for the findings index of the request's space. The index comes from the server
 * (plugin config and the request's space), never from the client; a host without a findings index (the standalone
 * host) answers 404.
 */
import { securityRuleNdjson } from '../../plugin/saved_objects/security_rule';
import type { KibanaRequestLike, RouterLike } from '../kibana/types';
import { readSecurity, ROUTE_PATHS } from './constants';
import type { RouteLogger } from './services';
import { noQuerySchema, zodValidation } from './validation';

/** The findings index of the request's space, or undefined where there is none. */
export type FindingsIndexFor<Ctx> = (context: Ctx, request: KibanaRequestLike) => Promise<string | undefined>;

export const NO_FINDINGS_INDEX = 'the Security rule and the dashboard read the findings index of a Kibana space, and this host has none';

export interface NdjsonRoute {
  path: string;
  summary: string;
  /** The name a browser saves the file under; Kibana's imports want the `.ndjson` extension. */
  filename: string;
  failure: string;
  generate(index: string): string;
}

/** A read route that answers an NDJSON file generated for the request's findings index. */
export function defineNdjsonRoute<Ctx>(router: RouterLike<Ctx>, route: NdjsonRoute, findingsIndexFor: FindingsIndexFor<Ctx> | undefined, logger?: RouteLogger): void {
  router.get(
    {
      path: route.path,
      validate: { query: zodValidation(noQuerySchema) },
      security: readSecurity(),
      options: { access: 'internal', summary: route.summary },
    },
    async (context, request, response) => {
      try {
        const index = findingsIndexFor ? await findingsIndexFor(context, request) : undefined;
        if (!index) return response.notFound({ body: { message: NO_FINDINGS_INDEX } });
        return response.ok({
          body: route.generate(index),
          headers: { 'content-type': 'application/ndjson', 'content-disposition': `attachment; filename="${route.filename}"` },
        });
      } catch (err) {
        logger?.error(`${route.failure}: ${err instanceof Error ? err.message : String(err)}`);
        return response.customError({ statusCode: 500, body: { message: route.failure } });
      }
    },
  );
}

export function defineGetSecurityRuleRoute<Ctx>(router: RouterLike<Ctx>, findingsIndexFor: FindingsIndexFor<Ctx> | undefined, logger?: RouteLogger): void {
  defineNdjsonRoute(
    router,
    {
      path: ROUTE_PATHS.securityRule,
      summary: 'Security detection rule for the findings (import NDJSON)',
      filename: 'cloud_api_abuse_security_rule.ndjson',
      failure: 'the Security rule could not be generated',
      generate: securityRuleNdjson,
    },
    findingsIndexFor,
    logger,
  );
}
