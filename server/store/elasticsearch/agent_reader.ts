/** How the novelty aggregation reads a client: with the catalog's interface detection, as the analytic does. */
import type { AuditEvent } from '../../../common/audit_event';
import { detectInterface } from '../../analytic/catalog';
import type { AgentReader } from './novelty';

export const readAgent: AgentReader = (client, provider) => {
  const probe: AuditEvent = {
    id: 'agent',
    time: 0,
    provider,
    log: provider === 'aws' ? 'aws.cloudtrail' : provider === 'gcp' ? 'gcp.audit' : 'azure.activitylogs',
    encoding: 'ecs',
    service: '',
    action: '',
    outcome: 'success',
    actor: { type: 'user', ...(client.appId ? { appId: client.appId } : {}) },
    ...(client.fromConsole ? { credential: { id: 'console', kind: 'console' as const, fromConsole: true } } : {}),
    source: client.userAgent ? { userAgent: client.userAgent } : {},
    resources: [],
    raw: undefined,
  };
  const itf = detectInterface(probe);
  return itf.kind === 'service' ? undefined : { tool: itf.tool, kind: itf.kind };
};
