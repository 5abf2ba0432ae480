/**
 * Finding documents for route tests: a stolen access key's chain (console login from a new network, then IAM writes)
 * with the fields the store filters on set from the options.
 */
import type { CloudProvider } from '../../../common/audit_event';
import type { EvidenceEvent, FindingDocument, Severity, WorkflowStatus } from '../../../common/finding';

export interface FindingFixture {
  id: string;
  severity?: Severity;
  riskScore?: number;
  provider?: CloudProvider;
  account?: string;
  rootId?: string;
  rootName?: string;
  status?: WorkflowStatus;
  techniques?: string[];
  firstSeen?: string;
  lastSeen?: string;
  principal?: string;
  actions?: string[];
}

const SEVERITY_SCORE: Record<Severity, number> = { low: 21, medium: 47, high: 73, critical: 99 };

export function makeFinding(f: FindingFixture): FindingDocument {
  const severity = f.severity ?? 'high';
  const riskScore = f.riskScore ?? SEVERITY_SCORE[severity];
  const provider = f.provider ?? 'aws';
  const account = f.account ?? '111122223333';
  const rootId = f.rootId ?? `arn:aws:iam::${account}:user/deploy-bot`;
  const rootName = f.rootName ?? rootId.split('/').pop() ?? rootId;
  const firstSeen = f.firstSeen ?? '2024-05-01T10:00:00.000Z';
  const lastSeen = f.lastSeen ?? '2024-05-01T10:30:00.000Z';
  const principal = f.principal ?? rootId;
  const actions = f.actions ?? ['ConsoleLogin', 'CreateAccessKey', 'AttachUserPolicy'];
  const techniques = (f.techniques ?? ['T1078.004']).map((id) => ({ id, name: `technique ${id}`, tactics: ['persistence'] }));
  const evidence: EvidenceEvent[] = actions.map((action, i) => ({
    event_id: `${f.id.slice(0, 8)}-ev-${i}`,
    '@timestamp': i === 0 ? firstSeen : lastSeen,
    stage: i === 0 ? 'shift' : 'privileged',
    provider,
    account,
    region: 'us-east-1',
    service: i === 0 ? 'signin' : 'iam',
    action,
    outcome: 'success',
    principal,
    interface: i === 0 ? 'console' : 'cli',
    tool: i === 0 ? 'browser' : 'aws-cli',
    source_ip: '203.0.113.7',
    origin: { index: 'logs-aws.cloudtrail-default', id: `doc-${i}` },
  }));
  return {
    '@timestamp': lastSeen,
    message: `${rootName} authenticated from a new network and changed IAM`,
    event: {
      kind: 'alert',
      module: 'cloud_api_abuse',
      dataset: 'cloud_api_abuse.finding',
      category: ['iam'],
      type: ['change'],
      start: firstSeen,
      end: lastSeen,
      risk_score: riskScore,
      severity: riskScore,
    },
    cloud: { provider, account: { id: account }, region: 'us-east-1' },
    user: { id: rootId, name: rootName },
    threat: { framework: 'MITRE ATT&CK', tactic: { name: ['persistence'] }, technique: techniques.map(({ id, name }) => ({ id, name })) },
    kibana: { alert: { severity, risk_score: riskScore, reason: 'new network, then IAM writes', original_time: firstSeen } },
    cloud_api_abuse: {
      finding_id: f.id,
      schema_version: 1,
      root_identity: { provider, id: rootId, type: 'user', name: rootName, account },
      shift: {
        kind: 'new_network',
        event_id: evidence[0].event_id,
        time: firstSeen,
        before: { networks: ['198.51.100.0/24'], countries: ['US'], tools: ['terraform'], interfaces: ['sdk'], history_events: 420 },
        after: { network: '203.0.113.0/24', ip: '203.0.113.7', interface: 'console', tool: 'browser' },
      },
      chain: {
        first_seen: firstSeen,
        last_seen: lastSeen,
        event_count: evidence.length,
        evidence_truncated: 0,
        stages: [],
        services: ['signin', 'iam'],
        accounts: [account],
        regions: ['us-east-1'],
      },
      lineage: { depth: 0, nodes: [] },
      reasons: [],
      evidence,
      techniques,
      response: { containment: [], rollback: [] },
      workflow: { status: f.status ?? 'open' },
    },
  };
}
