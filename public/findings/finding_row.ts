/** A table row: the sort fields the API knows flattened out of the document, so the table's sort names are the API's. */
import type { FindingSortField } from '../../common/api';
import type { FindingDocument, Severity } from '../../common/finding';

export type FindingRow = { id: string; finding: FindingDocument; severity: Severity } & Record<Exclude<FindingSortField, 'severity'>, string | number>;

export function toFindingRow(finding: FindingDocument): FindingRow {
  const c = finding.cloud_api_abuse;
  return {
    id: c.finding_id,
    finding,
    severity: finding.kibana.alert.severity,
    risk_score: finding.kibana.alert.risk_score,
    first_seen: c.chain.first_seen,
    last_seen: c.chain.last_seen,
    event_count: c.chain.event_count,
  };
}
