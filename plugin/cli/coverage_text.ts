/** The coverage report for a terminal. */
import type { CoverageReport } from '../../common/coverage';

const pct = (share: number | null): string => (share === null ? '-' : `${Math.round(share * 100)}%`);

export function coverageText(r: CoverageReport): string {
  const lines: string[] = [];
  lines.push(`Coverage of ${r.generated_from.events} events from ${r.generated_from.first_seen ?? '-'} to ${r.generated_from.last_seen ?? '-'}`);
  lines.push('');
  for (const p of r.providers) {
    const extra = [
      `reads ${p.reads_logged ? 'logged' : 'MISSING'}`,
      ...(p.data_access_logged !== undefined ? [`Data Access logs ${p.data_access_logged ? 'present' : 'MISSING'}`] : []),
      ...(p.sign_in_logs !== undefined ? [`sign-in logs ${p.sign_in_logs ? 'present' : 'MISSING'}`] : []),
    ];
    lines.push(`${p.provider.toUpperCase()}: ${p.events} events; ${extra.join('; ')}`);
  }
  lines.push('');
  lines.push('SCOPE'.padEnd(52) + 'EVENTS'.padStart(9) + 'PER HOUR'.padStart(10) + 'READS'.padStart(9) + 'WRITES'.padStart(9) + 'GAPS'.padStart(6) + 'TAMPER'.padStart(8) + 'TRACEABLE'.padStart(11));
  for (const s of r.scopes) {
    lines.push(
      `${s.provider} ${s.account} ${s.region}`.slice(0, 51).padEnd(52) +
        String(s.events).padStart(9) +
        String(s.usual_per_hour).padStart(10) +
        String(s.reads).padStart(9) +
        String(s.writes).padStart(9) +
        String(s.gaps.length).padStart(6) +
        String(s.tamper_events.length).padStart(8) +
        pct(s.traceability).padStart(11),
    );
  }
  lines.push('');
  lines.push(`Traceability: ${r.traceability.traceable} of ${r.traceability.privileged} privileged actions trace to a person (${pct(r.traceability.share)})`);
  lines.push('');
  if (!r.problems.length) lines.push('No coverage problems found.');
  else {
    lines.push(`Problems (${r.problems.length})`);
    for (const p of r.problems) {
      lines.push(`  [${p.severity}] ${p.text}`);
      lines.push(`      fix: ${p.fix}`);
    }
  }
  return lines.join('\n') + '\n';
}
