/**
 * The detection document: one per attack chain. The CLI writes it (`--format ndjson`), the task indexes it, the UI
 * reads it. ECS fields at the top, the plugin's own fields under `cloud_api_abuse`.
 */
import type { CloudProvider, CredentialKind, ActorType } from './audit_event';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const WORKFLOW_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export type ChainStage = 'shift' | 'recon' | 'privileged' | 'tamper' | 'activity';

export interface RootIdentity {
  provider: CloudProvider;
  /** Stable key: IAM user ARN, `arn:aws:ec2:<region>:<account>:instance/<id>`, Google email, Entra UPN. */
  id: string;
  type: ActorType | 'instance';
  name: string;
  account?: string;
  /** The accountable human when the logs name one (sourceIdentity, SSO subject, delegating user). */
  human?: string;
}

export interface EvidenceEvent {
  /** The provider's own event id (CloudTrail eventID, GCP insertId, Azure eventDataId/id). */
  event_id: string;
  '@timestamp': string;
  stage: ChainStage;
  provider: CloudProvider;
  account?: string;
  region?: string;
  service: string;
  action: string;
  outcome: string;
  error_code?: string;
  /** What the catalog says the call is: privileged kind, recon kind, tamper kind, auth-shift kind. */
  kind?: string;
  summary?: string;
  principal: string;
  credential_id?: string;
  credential_kind?: CredentialKind;
  source_ip?: string;
  source_address?: string;
  user_agent?: string;
  interface: string;
  tool: string;
  resources?: string[];
  /** Where the event was read from (file and line, or index and _id). */
  origin?: { file?: string; line?: number; index?: string; id?: string };
}

export interface StageSummary {
  stage: ChainStage;
  kind?: string;
  service?: string;
  first: string;
  last: string;
  count: number;
  actions: string[];
  event_ids: string[];
}

export interface LineageNode {
  /** Credential id (access key, token id) or, for identities acting without one, `principal:<name>`. */
  credential_id: string;
  kind: CredentialKind;
  principal: string;
  /** The credential this one was minted with; absent for the root credential. */
  parent?: string;
  minted_by?: { event_id: string; action: string; time: string; target?: string; session_name?: string };
  first_seen: string;
  last_seen: string;
  event_count: number;
  /** Networks and tools this credential was used from, in the chain. */
  contexts: { network: string; tool: string; interface: string }[];
}

export interface Reason {
  code: string;
  text: string;
  weight: number;
  evidence: string[];
}

export interface Technique {
  id: string;
  name: string;
  tactics: string[];
}

export interface ContainmentStep {
  title: string;
  detail: string;
  command?: string;
}

export interface RollbackStep {
  event_id: string;
  action: string;
  text: string;
  command?: string;
}

export interface ShiftContext {
  network?: string;
  ip?: string;
  country?: string;
  asn?: number;
  interface?: string;
  tool?: string;
  user_agent?: string;
  mfa?: boolean;
}

export interface CloudApiAbuseFields {
  finding_id: string;
  schema_version: 1;
  root_identity: RootIdentity;
  shift: {
    kind: string;
    event_id: string;
    time: string;
    /** The root identity's usual context (baseline) and the context the chain started in. */
    before: { networks: string[]; countries: string[]; tools: string[]; interfaces: string[]; mfa?: boolean; history_events: number };
    after: ShiftContext;
  };
  chain: {
    first_seen: string;
    last_seen: string;
    event_count: number;
    /** Events beyond the evidence cap are counted, not listed. */
    evidence_truncated: number;
    stages: StageSummary[];
    services: string[];
    accounts: string[];
    regions: string[];
  };
  lineage: { depth: number; nodes: LineageNode[] };
  reasons: Reason[];
  evidence: EvidenceEvent[];
  techniques: Technique[];
  response: { containment: ContainmentStep[]; rollback: RollbackStep[] };
  automation?: { name: string; reason: string };
  workflow: { status: WorkflowStatus; updated_at?: string; updated_by?: string; note?: string };
}

export interface FindingDocument {
  '@timestamp': string;
  message: string;
  event: {
    kind: 'alert';
    module: 'cloud_api_abuse';
    dataset: 'cloud_api_abuse.finding';
    category: string[];
    type: string[];
    start: string;
    end: string;
    risk_score: number;
    severity: number;
  };
  cloud: { provider: CloudProvider; account?: { id: string }; region?: string };
  user: { id: string; name: string };
  source?: { ip?: string; geo?: { country_iso_code?: string }; as?: { number?: number } };
  user_agent?: { original: string };
  threat: {
    framework: 'MITRE ATT&CK';
    tactic: { name: string[] };
    technique: { id: string; name: string }[];
  };
  kibana: { alert: { severity: Severity; risk_score: number; reason: string; original_time: string } };
  cloud_api_abuse: CloudApiAbuseFields;
}

export function severityAtLeast(severity: Severity, min: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}
