/**
 * Where findings live and how the routes reach them. Two implementations: Elasticsearch (the Kibana plugin,
 * server/store/elasticsearch) and the embedded store of the standalone host (plugin/host). Routes see only this.
 */
import type { CloudProvider } from '../../common/audit_event';
import type { CoverageReport } from '../../common/coverage';
import type { FindingDocument, Severity, WorkflowStatus } from '../../common/finding';
import type { ExpectedAutomationFile } from '../analytic/automation';

import type { DetectionHealth, FindingSortField, FindingsHistogram, FindingsPage, FindingsSummary, IdentityProfile, IdentityProfilesPage } from '../../common/api';

export { FINDING_SORT_FIELDS } from '../../common/api';
export type { DetectionHealth, FindingSortField, FindingsHistogram, FindingsPage, FindingsSummary, IdentityProfile, IdentityProfilesPage };

/** A finding list query. Every value comes from validated route input; none is passed to Elasticsearch raw. */
export interface FindingsQuery {
  /** Findings whose chain overlaps [from, to) (epoch ms). */
  from?: number;
  to?: number;
  severities?: Severity[];
  providers?: CloudProvider[];
  accounts?: string[];
  /** Exact root identity id. */
  identity?: string;
  statuses?: WorkflowStatus[];
  /** ATT&CK technique ids (T1078.004 ...). */
  techniques?: string[];
  /** Free text matched (case-insensitively, as plain text, never as a query language) against root identity ids and
   * names, principals and action names of the evidence. */
  search?: string;
  sort: { field: FindingSortField; order: 'asc' | 'desc' };
  /** 0-based page. */
  page: number;
  perPage: number;
}

export interface StatusChange {
  ids: string[];
  status: WorkflowStatus;
  /** The user who changed it (from the request's authenticated user). */
  by: string;
  /** ISO time. */
  at: string;
  note?: string;
}

export interface WriteResult {
  written: number;
  /** Items the store rejected for good (e.g. a mapping error), with why; a run reports them. */
  rejected: { id: string; reason: string }[];
}

export interface FindingsStore {
  /** Creates or upgrades what the store needs (index template, mapping, tables). Idempotent. */
  ensureInstalled(): Promise<void>;
  /**
   * Inserts or updates findings by their id. A finding that exists keeps its analyst workflow (status, who, when,
   * note); everything else is replaced by the newer chain. Throws when nothing could be persisted.
   */
  write(findings: FindingDocument[], options?: { signal?: AbortSignal }): Promise<WriteResult>;
  list(query: FindingsQuery): Promise<FindingsPage>;
  histogram(query: Omit<FindingsQuery, 'sort' | 'page' | 'perPage'>, buckets: number): Promise<FindingsHistogram>;
  /** The dashboard's top lists over the findings the filter matches, each at most `size` long. */
  summary(query: Omit<FindingsQuery, 'sort' | 'page' | 'perPage'>, size: number): Promise<FindingsSummary>;
  get(id: string): Promise<FindingDocument | undefined>;
  setStatus(change: StatusChange): Promise<{ updated: string[]; missing: string[] }>;
}

/** The raw records behind a finding's evidence (re-read from their origin: file and line, or index and _id). */
export interface EvidenceStore {
  records(evidence: FindingDocument['cloud_api_abuse']['evidence']): Promise<{ event_id: string; record?: unknown; error?: string }[]>;
}

export interface AutomationConfigStore {
  get(): Promise<ExpectedAutomationFile>;
  put(config: ExpectedAutomationFile, by: string): Promise<void>;
}

export interface DetectionControl {
  health(): Promise<DetectionHealth>;
  /** Asks for a run as soon as possible. */
  runNow(): Promise<{ scheduled: boolean }>;
}

export interface CoverageSource {
  report(range: { from: number; to: number }): Promise<CoverageReport>;
}

/** Per root identity, what it usually does (the analytic's baseline), written after each run. */
export interface IdentityProfileStore {
  ensureInstalled(): Promise<void>;
  /** Replaces the profiles with these ids; others stay. */
  write(profiles: IdentityProfile[]): Promise<void>;
  list(query: { providers?: CloudProvider[]; search?: string; page: number; perPage: number }): Promise<IdentityProfilesPage>;
}
