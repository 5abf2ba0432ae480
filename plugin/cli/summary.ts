/** The end-of-run summary on stderr: what was read, what was skipped and why (file and line), what was found. */
import type { Severity } from '../../common/finding';
import type { ReadReport } from '../../server/store/local/types';

export function runSummary(report: ReadReport, bySeverity: Record<Severity, number>, seconds: number, maxSkipLines = 20): string {
  const lines: string[] = [];
  const rate = seconds > 0 ? Math.round(report.events / seconds) : report.events;
  lines.push(`Read ${report.files} file(s), ${(report.bytesRead / 1048576).toFixed(1)} MB, ${report.records} records -> ${report.events} events in ${seconds.toFixed(1)} s (${rate} events/s)`);
  if (report.missing.length) lines.push(`Not found: ${report.missing.join(', ')}`);
  if (report.skipped) {
    const byCode = Object.entries(report.skipsByCode)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    lines.push(`Skipped ${report.skipped}: ${byCode}`);
    for (const [reason, n] of Object.entries(report.rejectedByReason).sort((a, b) => b[1] - a[1]).slice(0, 5)) {
      lines.push(`  unsupported x${n}: ${reason}`);
    }
    for (const s of report.skips.slice(0, maxSkipLines)) lines.push(`  ${s.file}${s.line !== undefined ? `:${s.line}` : ''}: ${s.reason}`);
    const more = report.skips.length - Math.min(report.skips.length, maxSkipLines) + report.skipsNotListed;
    if (more > 0) lines.push(`  ... and ${more} more`);
  }
  if (report.outOfRange) lines.push(`Outside --since/--until: ${report.outOfRange}`);
  if (report.late) lines.push(`Late events (beyond the reorder window): ${report.late}`);
  const total = bySeverity.low + bySeverity.medium + bySeverity.high + bySeverity.critical;
  lines.push(`Findings: ${total} (critical ${bySeverity.critical}, high ${bySeverity.high}, medium ${bySeverity.medium}, low ${bySeverity.low})`);
  return lines.join('\n') + '\n';
}
