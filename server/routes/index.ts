/**
 * The plugin's REST API. Kibana's router and the standalone host's router both implement RouterLike, so the same
 * definitions serve both; each host says how a request finds its stores and user (ServicesFor).
 */
import type { RouterLike } from '../kibana/types';
import { defineDetectionHealthRoute } from './detection_health';
import { defineFindFindingsRoute } from './find_findings';
import { defineFindingsHistogramRoute } from './findings_histogram';
import { defineFindingsSummaryRoute } from './findings_summary';
import { defineGetAutomationRoute } from './get_automation';
import { defineGetCoverageRoute } from './get_coverage';
import { defineGetFindingRoute } from './get_finding';
import { defineGetIdentitiesRoute } from './get_identities';
import { defineGetSavedObjectsRoute } from './get_saved_objects';
import { defineGetSecurityRuleRoute, type FindingsIndexFor } from './get_security_rule';
import { definePutAutomationRoute } from './put_automation';
import { defineRunDetectionSoonRoute } from './run_detection_soon';
import type { RouteLogger, ServicesFor } from './services';
import { defineSetFindingsStatusRoute } from './set_findings_status';

export { API_BASE, READ_PRIVILEGE, ROUTE_PATHS, WRITE_PRIVILEGE } from './constants';
export type { RouteLogger, RouteServices, ServicesFor } from './services';
export type { FindingsIndexFor } from './get_security_rule';

/** `findingsIndexFor`: the findings index of a request's space, for the Security rule and dashboard files (none: 404). */
export function registerRoutes<Ctx>(router: RouterLike<Ctx>, servicesFor: ServicesFor<Ctx>, logger?: RouteLogger, findingsIndexFor?: FindingsIndexFor<Ctx>): void {
  defineFindFindingsRoute(router, servicesFor, logger);
  defineFindingsHistogramRoute(router, servicesFor, logger);
  defineFindingsSummaryRoute(router, servicesFor, logger);
  defineGetFindingRoute(router, servicesFor, logger);
  defineSetFindingsStatusRoute(router, servicesFor, logger);
  defineRunDetectionSoonRoute(router, servicesFor, logger);
  defineDetectionHealthRoute(router, servicesFor, logger);
  defineGetCoverageRoute(router, servicesFor, logger);
  defineGetAutomationRoute(router, servicesFor, logger);
  definePutAutomationRoute(router, servicesFor, logger);
  defineGetIdentitiesRoute(router, servicesFor, logger);
  defineGetSecurityRuleRoute(router, findingsIndexFor, logger);
  defineGetSavedObjectsRoute(router, findingsIndexFor, logger);
}
