/** Logging coverage report (DESIGN §3.8): can the analytic see what it needs, per provider/account/region? */
import type { CloudProvider } from './audit_event';

export type CoverageProblemKind = 'no_reads' | 'no_data_access' | 'no_sign_in_logs' | 'gap' | 'tamper' | 'low_traceability';

export interface CoverageProblem {
  kind: CoverageProblemKind;
  severity: 'info' | 'warning' | 'critical';
  provider: CloudProvider;
  account?: string;
  region?: string;
  text: string;
  /** What to change so the problem goes away. */
  fix: string;
  evidence?: string[];
}

export interface CoverageScope {
  provider: CloudProvider;
  account: string;
  region: string;
  events: number;
  first_seen: string;
  last_seen: string;
  /** Median events per hour over the hours that had events. */
  usual_per_hour: number;
  reads: number;
  writes: number;
  gaps: { start: string; end: string; expected_events: number }[];
  tamper_events: { event_id: string; time: string; action: string; principal: string }[];
  privileged: number;
  /** Privileged actions whose lineage resolves to an accountable human. */
  privileged_traceable: number;
  traceability: number | null;
  /** Events per hour, for drawing. */
  hourly: { hour: string; events: number }[];
}

export interface CoverageReport {
  generated_from: { events: number; first_seen: string | null; last_seen: string | null };
  providers: {
    provider: CloudProvider;
    events: number;
    reads_logged: boolean;
    /** GCP: Data Access audit logs present. Azure: Entra ID sign-in logs present. */
    data_access_logged?: boolean;
    sign_in_logs?: boolean;
  }[];
  scopes: CoverageScope[];
  traceability: { privileged: number; traceable: number; share: number | null };
  problems: CoverageProblem[];
}
