/**
 * Test fixtures: a FindingDocument shaped like the CLI's output for the generated sample day's role-chaining intrusion
 * (bruno.costa's key used from a new network with an attack distro's aws-cli, AssumeRole developer -> dev-admin,
 * IAM persistence), trimmed to a few events. Builders, not copies: tests change what they test.
 */
import type { FindingWithRecords, FindingsPage } from '../../common/api';
import type { EvidenceEvent, FindingDocument, Severity, WorkflowStatus } from '../../common/finding';

const ACCOUNT = '739105628471';
const USER = `arn:aws:iam::${ACCOUNT}:user/bruno.costa`;
const DEV = `arn:aws:sts::${ACCOUNT}:assumed-role/developer/bruno`;
const ADMIN = `arn:aws:sts::${ACCOUNT}:assumed-role/dev-admin/maintenance`;
const KEY = 'AKIAUBDHRVPEYMZIT6J7';
const DEV_CRED = 'ASIAS7WHUPP7GQIVD2TT';
const ADMIN_CRED = 'ASIAU72N6QAQLCLHCLT4';
const UA = 'aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024 prompt/off command/sts.assume-role';

export const EVENT_IDS = {
  callerIdentity: '943d9160-46a6-4626-98b1-9961cc18c32a',
  assumeDeveloper: '10ef63c1-8ddc-42de-bded-cb0ba8eb05aa',
  listRoles: '65d4ac76-b2cf-4767-a871-68f6152aca16',
  assumeDevAdmin: 'b2fcd4a1-17f9-423f-9ad1-f04adb0a212c',
  createUser: 'f828ca76-17e4-4117-8c37-87722193f57d',
  attachPolicy: '4c5262e2-ea0e-4c6e-add3-f98d49d5b63e',
} as const;

function event(e: Partial<EvidenceEvent> & Pick<EvidenceEvent, 'event_id' | '@timestamp' | 'stage' | 'service' | 'action' | 'principal'>): EvidenceEvent {
  return { provider: 'aws', account: ACCOUNT, region: 'us-east-1', outcome: 'success', source_ip: '185.156.72.24', user_agent: UA, interface: 'cli', tool: 'aws-cli', ...e };
}

export interface FindingOptions {
  id?: string;
  severity?: Severity;
  risk?: number;
  status?: WorkflowStatus;
  /** Last change to the finding, after the options are applied. */
  patch?: (f: FindingDocument) => void;
}

export function buildFinding(options: FindingOptions = {}): FindingDocument {
  const id = options.id ?? 'c7ed879cbe5e92847bc93db02fb18c85';
  const severity = options.severity ?? 'high';
  const risk = options.risk ?? 73;
  const evidence: EvidenceEvent[] = [
    event({ event_id: EVENT_IDS.callerIdentity, '@timestamp': '2026-11-20T11:22:05.000Z', stage: 'shift', service: 'sts.amazonaws.com', action: 'GetCallerIdentity', kind: 'identity_check', principal: USER, credential_id: KEY, credential_kind: 'long_term' }),
    event({ event_id: EVENT_IDS.assumeDeveloper, '@timestamp': '2026-11-20T11:22:38.000Z', stage: 'shift', service: 'sts.amazonaws.com', action: 'AssumeRole', kind: 'credential_minted', principal: USER, credential_id: KEY, credential_kind: 'long_term', resources: [`arn:aws:iam::${ACCOUNT}:role/developer`] }),
    event({ event_id: EVENT_IDS.listRoles, '@timestamp': '2026-11-20T11:22:53.000Z', stage: 'recon', service: 'iam.amazonaws.com', action: 'ListRoles', kind: 'enumeration', principal: DEV, credential_id: DEV_CRED, credential_kind: 'temporary' }),
    event({ event_id: EVENT_IDS.assumeDevAdmin, '@timestamp': '2026-11-20T11:23:57.000Z', stage: 'shift', service: 'sts.amazonaws.com', action: 'AssumeRole', kind: 'credential_minted', principal: DEV, credential_id: DEV_CRED, credential_kind: 'temporary', resources: [`arn:aws:iam::${ACCOUNT}:role/dev-admin`] }),
    event({ event_id: EVENT_IDS.createUser, '@timestamp': '2026-11-20T11:24:33.000Z', stage: 'privileged', service: 'iam.amazonaws.com', action: 'CreateUser', kind: 'iam', principal: ADMIN, credential_id: ADMIN_CRED, credential_kind: 'temporary', resources: [`arn:aws:iam::${ACCOUNT}:user/svc-metrics-exporter`] }),
    event({ event_id: EVENT_IDS.attachPolicy, '@timestamp': '2026-11-20T11:24:44.000Z', stage: 'privileged', service: 'iam.amazonaws.com', action: 'AttachUserPolicy', kind: 'iam', principal: ADMIN, credential_id: ADMIN_CRED, credential_kind: 'temporary', outcome: 'failure', error_code: 'AccessDenied', resources: ['arn:aws:iam::aws:policy/AdministratorAccess'] }),
  ];
  const reasonText = 'Calls made with aws-cli, a known attack or attack-simulation tool';
  const finding: FindingDocument = {
    '@timestamp': '2026-11-20T11:24:44.000Z',
    message: `${severity} risk ${risk}: bruno.costa (aws) - ${reasonText}`,
    event: {
      kind: 'alert',
      module: 'cloud_api_abuse',
      dataset: 'cloud_api_abuse.finding',
      category: ['intrusion_detection'],
      type: ['info'],
      start: '2026-11-20T11:22:05.000Z',
      end: '2026-11-20T11:24:44.000Z',
      risk_score: risk,
      severity: risk,
    },
    cloud: { provider: 'aws', account: { id: ACCOUNT }, region: 'us-east-1' },
    user: { id: USER, name: 'bruno.costa' },
    source: { ip: '185.156.72.24' },
    user_agent: { original: UA },
    threat: {
      framework: 'MITRE ATT&CK',
      tactic: { name: ['initial-access', 'persistence'] },
      technique: [
        { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
        { id: 'T1136.003', name: 'Create Account: Cloud Account' },
        { id: 'T1580', name: 'Cloud Infrastructure Discovery' },
      ],
    },
    kibana: { alert: { severity, risk_score: risk, reason: `${severity} risk ${risk}: bruno.costa (aws) - ${reasonText}`, original_time: '2026-11-20T11:22:05.000Z' } },
    cloud_api_abuse: {
      finding_id: id,
      schema_version: 1,
      root_identity: { provider: 'aws', account: ACCOUNT, type: 'user', name: 'bruno.costa', id: USER },
      shift: {
        kind: 'attack_tool',
        event_id: EVENT_IDS.callerIdentity,
        time: '2026-11-20T11:22:05.000Z',
        before: { networks: ['85.243.85.0/24'], countries: ['PT'], tools: ['aws-cli'], interfaces: ['cli'], mfa: true, history_events: 61 },
        after: { network: '185.156.72.0/24', ip: '185.156.72.24', country: 'NL', asn: 202425, interface: 'cli', tool: 'aws-cli', user_agent: UA, mfa: false },
      },
      chain: {
        first_seen: '2026-11-20T11:22:05.000Z',
        last_seen: '2026-11-20T11:24:44.000Z',
        event_count: 8,
        evidence_truncated: 2,
        stages: [
          { stage: 'shift', kind: 'identity_check', first: '2026-11-20T11:22:05.000Z', last: '2026-11-20T11:22:05.000Z', count: 1, actions: ['GetCallerIdentity'], event_ids: [EVENT_IDS.callerIdentity] },
          { stage: 'shift', kind: 'credential_minted', first: '2026-11-20T11:22:38.000Z', last: '2026-11-20T11:23:57.000Z', count: 2, actions: ['AssumeRole'], event_ids: [EVENT_IDS.assumeDeveloper, EVENT_IDS.assumeDevAdmin] },
          { stage: 'recon', kind: 'enumeration', first: '2026-11-20T11:22:53.000Z', last: '2026-11-20T11:23:00.000Z', count: 3, actions: ['ListRoles', 'GetRole', 'ListAttachedRolePolicies'], event_ids: [EVENT_IDS.listRoles] },
          { stage: 'privileged', kind: 'iam', first: '2026-11-20T11:24:33.000Z', last: '2026-11-20T11:24:44.000Z', count: 2, actions: ['CreateUser', 'AttachUserPolicy'], event_ids: [EVENT_IDS.createUser, EVENT_IDS.attachPolicy] },
        ],
        services: ['iam.amazonaws.com', 'sts.amazonaws.com'],
        accounts: [ACCOUNT],
        regions: ['us-east-1'],
      },
      lineage: {
        depth: 2,
        nodes: [
          { credential_id: KEY, kind: 'long_term', principal: USER, first_seen: '2026-11-20T11:22:05.000Z', last_seen: '2026-11-20T11:22:38.000Z', event_count: 2, contexts: [{ network: '185.156.72.0/24', tool: 'aws-cli', interface: 'cli' }] },
          {
            credential_id: DEV_CRED,
            kind: 'temporary',
            principal: DEV,
            parent: KEY,
            minted_by: { event_id: EVENT_IDS.assumeDeveloper, action: 'AssumeRole', time: '2026-11-20T11:22:38.000Z', target: `arn:aws:iam::${ACCOUNT}:role/developer`, session_name: 'bruno' },
            first_seen: '2026-11-20T11:22:42.000Z',
            last_seen: '2026-11-20T11:23:57.000Z',
            event_count: 5,
            contexts: [{ network: '185.156.72.0/24', tool: 'aws-cli', interface: 'cli' }],
          },
          {
            credential_id: ADMIN_CRED,
            kind: 'temporary',
            principal: ADMIN,
            parent: DEV_CRED,
            minted_by: { event_id: EVENT_IDS.assumeDevAdmin, action: 'AssumeRole', time: '2026-11-20T11:23:57.000Z', target: `arn:aws:iam::${ACCOUNT}:role/dev-admin`, session_name: 'maintenance' },
            first_seen: '2026-11-20T11:24:01.000Z',
            last_seen: '2026-11-20T11:24:44.000Z',
            event_count: 3,
            contexts: [{ network: '185.156.72.0/24', tool: 'aws-cli', interface: 'cli' }],
          },
        ],
      },
      reasons: [
        { code: 'NEW_NETWORK', text: 'First use of network 185.156.72.0/24 by bruno.costa in 61 events over 1 day', weight: 10, evidence: [EVENT_IDS.callerIdentity] },
        { code: 'OFFENSIVE_TOOL', text: reasonText, weight: 30, evidence: [EVENT_IDS.callerIdentity] },
        { code: 'PRIVILEGED_IAM', text: 'IAM and permission changes: CreateUser, AttachUserPolicy (2 calls)', weight: 23, evidence: [EVENT_IDS.createUser, EVENT_IDS.attachPolicy] },
        { code: 'ROLE_CHAINING', text: `Role chaining: the session assumed arn:aws:iam::${ACCOUNT}:role/dev-admin`, weight: 5, evidence: [EVENT_IDS.assumeDevAdmin] },
      ],
      evidence,
      techniques: [
        { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts', tactics: ['initial-access'] },
        { id: 'T1136.003', name: 'Create Account: Cloud Account', tactics: ['persistence'] },
        { id: 'T1580', name: 'Cloud Infrastructure Discovery', tactics: ['discovery'] },
      ],
      response: {
        containment: [
          {
            title: `Deactivate the access key ${KEY} of bruno.costa.`,
            detail: 'Stops every new call signed with the stolen key; reversible if the owner still needs it.',
            command: `aws iam update-access-key --user-name bruno.costa --access-key-id ${KEY} --status Inactive`,
          },
          { title: 'Find the credential that assumed dev-admin (the chain root) and contain it too.', detail: 'Revoking the session does not stop whoever can assume the role again.' },
        ],
        rollback: [
          { event_id: EVENT_IDS.createUser, action: 'CreateUser', text: 'Delete the user svc-metrics-exporter after removing its keys, login profile, policies and group memberships.', command: 'aws iam delete-user --user-name svc-metrics-exporter' },
        ],
      },
      workflow: { status: options.status ?? 'open' },
    },
  };
  options.patch?.(finding);
  return finding;
}

/** The finding with a raw CloudTrail record per evidence event, except `unreadable` ones (their origin is gone). */
export function withRecords(finding: FindingDocument, unreadable: readonly string[] = []): FindingWithRecords {
  return {
    finding,
    records: finding.cloud_api_abuse.evidence.map((e) =>
      unreadable.includes(e.event_id)
        ? { event_id: e.event_id, error: 'the log file is no longer readable' }
        : { event_id: e.event_id, record: { eventID: e.event_id, eventTime: e['@timestamp'], eventName: e.action, eventSource: e.service, sourceIPAddress: e.source_ip, userAgent: e.user_agent, userIdentity: { arn: e.principal, accessKeyId: e.credential_id } } },
    ),
  };
}

export function pageOf(findings: FindingDocument[], total = findings.length): FindingsPage {
  return { total, findings };
}
