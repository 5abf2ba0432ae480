/**
 * The plugin's REST API as the browser sees it: paths and response bodies. The server's routes (server/routes) and the
 * panel's client (public/api) both use these, so a change on one side fails to compile on the other.
 */
import type { CloudProvider } from './audit_event';
import type { CoverageReport } from './coverage';
import type { FindingDocument, Severity, WorkflowStatus } from './finding';

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
  identities: `${API_BASE}/identities`,
  findingsSummary: `${API_BASE}/findings/_summary`,
  /** NDJSON for Security > Rules > Import, for the request's space. */
  securityRule: `${API_BASE}/security_rule`,
  /** NDJSON for Stack Management > Saved objects > Import: data view and dashboard, for the request's space. */
  savedObjects: `${API_BASE}/saved_objects`,
} as const;

export const FINDING_SORT_FIELDS = ['risk_score', 'last_seen', 'first_seen', 'severity', 'event_count'] as const;
export type FindingSortField = (typeof FINDING_SORT_FIELDS)[number];

/** Query parameters of the findings list (all optional; the server applies defaults and limits). */
export interface FindingsListParams {
  from?: string;
  to?: string;
  severities?: Severity[];
  providers?: CloudProvider[];
  accounts?: string[];
  identity?: string;
  statuses?: WorkflowStatus[];
  techniques?: string[];
  search?: string;
  sortField?: FindingSortField;
  sortOrder?: 'asc' | 'desc';
  page?: number;
  perPage?: number;
}

export type FindingsHistogramParams = Omit<FindingsListParams, 'sortField' | 'sortOrder' | 'page' | 'perPage'> & { buckets?: number };

export interface FindingsPage {
  total: number;
  findings: FindingDocument[];
}

/** Counts for the findings-over-time chart and the severity breakdown. */
export interface FindingsHistogram {
  interval: string;
  buckets: { time: string; counts: Record<Severity, number> }[];
  bySeverity: Record<Severity, number>;
}

/** GET one finding: the document and the raw records behind its evidence, re-read from where they came from. */
export interface FindingWithRecords {
  finding: FindingDocument;
  records: { event_id: string; record?: unknown; error?: string }[];
  recordsError?: string;
}

export interface StatusChangeRequest {
  ids: string[];
  status: WorkflowStatus;
  note?: string;
}

export interface StatusChangeResult {
  updated: string[];
  missing: string[];
}

/** What the scheduled detection reports about itself (from its task state, or the host's scheduler). */
export interface DetectionHealth {
  enabled: boolean;
  /** ISO times. */
  lastRunStartedAt?: string;
  lastRunFinishedAt?: string;
  lastSuccessAt?: string;
  /** Checkpoint: every event before it has been analysed and its findings persisted. */
  checkpoint?: string;
  /** now - checkpoint, ms. */
  lagMs?: number;
  lastRun?: { eventsRead: number; findingsWritten: number; durationMs: number; docsFetched?: number; mode?: string };
  lastError?: { message: string; at: string };
  consecutiveFailures: number;
  running: boolean;
  /** While running: events read so far (the host reports it; Task Manager does not). */
  progress?: { eventsRead: number };
}

export type { CoverageReport };

/** The expected-automation file (server/analytic/automation.ts validates it). */
export interface ExpectedAutomationConfig {
  down_weight: number;
  expected_automation: { name: string; reason: string; identities?: string[]; user_agents?: string[]; accounts?: string[] }[];
}

/** One usual value of an identity: how often and when it was last seen. */
export interface ProfileValue {
  value: string;
  count: number;
  last_seen: string;
}

/** What a root identity usually does, as the analytic's baseline holds it after the latest run. */
export interface IdentityProfile {
  /** `<provider>:<root id>`. */
  id: string;
  provider: CloudProvider;
  root_id: string;
  first_seen: string;
  last_seen: string;
  events: number;
  mfa_seen: boolean;
  interfaces: ProfileValue[];
  tools: ProfileValue[];
  networks: ProfileValue[];
  countries: ProfileValue[];
  services: ProfileValue[];
  regions: ProfileValue[];
  updated_at: string;
}

export interface IdentityProfilesParams {
  providers?: CloudProvider[];
  search?: string;
  page?: number;
  perPage?: number;
}

export interface IdentityProfilesPage {
  total: number;
  profiles: IdentityProfile[];
}

/** Error bodies: Kibana's `{ statusCode, error, message }`; the host answers the same. */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message: string;
}

/** Query parameters of the findings summary: the list's filters and how many entries each top list holds. */
export type FindingsSummaryParams = Omit<FindingsHistogramParams, 'buckets'> & { size?: number };

/** A root identity among the findings: how many chains it started and the riskiest of them. */
export interface SummaryIdentity {
  id: string;
  name?: string;
  provider: CloudProvider;
  count: number;
  maxRisk: number;
}

/** A privileged or tamper action and the number of findings in which it was a privileged or tamper step. */
export interface SummaryPrivilegedAction {
  provider: CloudProvider;
  service: string;
  action: string;
  count: number;
}

/** Findings by provider and account (a chain that touched two accounts counts in both). */
export interface SummaryProviderAccount {
  provider: CloudProvider;
  account: string;
  count: number;
  bySeverity: Record<Severity, number>;
}

/**
 * The dashboard's panels beside the histogram and the coverage report: who, which privileged actions, where. Each top
 * list is ordered by count, most first, then by name.
 */
export interface FindingsSummary {
  total: number;
  topIdentities: SummaryIdentity[];
  topPrivilegedActions: SummaryPrivilegedAction[];
  /**
   * How many findings the privileged actions were counted over: the riskiest matching findings, at most
   * SUMMARY_EVIDENCE_FINDINGS (evidence is per event, and Elasticsearch cannot aggregate it per event; see the stores).
   */
  privilegedActionsFrom: number;
  byProviderAccount: SummaryProviderAccount[];
}

/** The riskiest findings whose evidence the privileged-actions list is counted from. */
export const SUMMARY_EVIDENCE_FINDINGS = 100;

/** The longest top list the summary answers. */
export const SUMMARY_MAX_SIZE = 50;
