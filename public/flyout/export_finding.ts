/** The finding as audit evidence: the document and the raw records behind it, in one JSON file. */
import type { FindingWithRecords } from '../../common/api';

export interface FindingExport {
  exported_at: string;
  finding_id: string;
  finding: FindingWithRecords['finding'];
  records: FindingWithRecords['records'];
  records_error?: string;
}

export function findingExport(data: FindingWithRecords, now: Date = new Date()): FindingExport {
  return {
    exported_at: now.toISOString(),
    finding_id: data.finding.cloud_api_abuse.finding_id,
    finding: data.finding,
    records: data.records,
    ...(data.recordsError ? { records_error: data.recordsError } : {}),
  };
}

/** The id is hexadecimal by contract; anything else is replaced so the file name stays a file name. */
export function exportFileName(findingId: string): string {
  return `cloud-api-abuse-finding-${findingId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked on the next tick: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
