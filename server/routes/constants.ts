/**
 * Where the plugin's REST API lives and which Kibana API privileges guard it. The feature registration grants
 * `cloudApiAbuse-read` with the read privilege and both with the all privilege.
 */
import type { RouteSecurity } from '../kibana/types';

export const API_BASE = '/internal/cloud_api_abuse';

export const ROUTE_PATHS = {
  findings: `${API_BASE}/findings`,
  findingsHistogram: `${API_BASE}/findings/_histogram`,
  finding: `${API_BASE}/findings/{id}`,
  findingsStatus: `${API_BASE}/findings/_status`,
  detectionRunSoon: `${API_BASE}/detection/_run_soon`,
  detectionHealth: `${API_BASE}/detection/_health`,
  coverage: `${API_BASE}/coverage`,
  automation: `${API_BASE}/automation`,
} as const;

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
