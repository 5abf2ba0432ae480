/** The host's embedded store: every service the routes and the scheduler need, over one SQLite file. */
import { closeDatabase, openDatabase, optimizeDatabase, type HostDatabase } from './database';
import { HostStateStore } from './host_state_store';
import { SqliteAutomationStore } from './sqlite_automation_store';
import { SqliteCoverageStore } from './sqlite_coverage_store';
import { SqliteFindingsStore } from './sqlite_findings_store';
import { SqliteIdentityProfileStore } from './sqlite_identity_profiles';

export { FileEvidenceStore } from './file_evidence_store';
export { HourlyCoverageAnalyzer, reportOfHours, type CoverageHour } from './hourly_coverage';
export { MIGRATIONS, migrate, schemaVersion, SchemaTooNewError, type Migration } from './migrations';
export { DatabaseOpenError, openDatabase, closeDatabase, type HostDatabase } from './database';
export { HostStateStore, SqliteAutomationStore, SqliteCoverageStore, SqliteFindingsStore, SqliteIdentityProfileStore };

export interface HostStore {
  db: HostDatabase;
  findings: SqliteFindingsStore;
  identities: SqliteIdentityProfileStore;
  automation: SqliteAutomationStore;
  coverage: SqliteCoverageStore;
  state: HostStateStore;
  /** After a run's writes: refresh the query planner's statistics. */
  optimize(): void;
  close(): void;
}

export function openHostStore(file: string): HostStore {
  const db = openDatabase(file);
  return {
    db,
    findings: new SqliteFindingsStore(db),
    identities: new SqliteIdentityProfileStore(db),
    automation: new SqliteAutomationStore(db),
    coverage: new SqliteCoverageStore(db),
    state: new HostStateStore(db),
    optimize: () => optimizeDatabase(db),
    close: () => closeDatabase(db),
  };
}
