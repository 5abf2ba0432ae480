/**
 * Where the plugin's REST API lives and which Kibana API privileges guard it. The feature registration grants
 * `cloudApiAbuse-read` with the read privilege and both with the all privilege.
 */
import type { RouteSecurity } from '../kibana/types';

export { API_BASE, ROUTE_PATHS } from '../../common/api';

export const READ_PRIVILEGE = 'cloudApiAbuse-read';
export const WRITE_PRIVILEGE = 'cloudApiAbuse-all';

/** Reads: findings, health, coverage, the automation file. */
export function readSecurity(): RouteSecurity {
  return { authz: { requiredPrivileges: [READ_PRIVILEGE] } };
}

/** Writes and actions: workflow status, run now, the automation file. */
export function writeSecurity(): RouteSecurity {
  return { authz: { requiredPrivileges: [WRITE_PRIVILEGE] } };
}
