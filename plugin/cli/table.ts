/** Plain-text table of findings for a terminal. */
import type { FindingDocument } from '../../common/finding';

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function findingsTable(findings: FindingDocument[], width = 160): string {
  if (!findings.length) return 'No findings.\n';
  const rows = findings.map((f) => {
    const c = f.cloud_api_abuse;
    const top = c.reasons.find((r) => r.weight > 0)?.text ?? '';
    return [
      f.kibana.alert.severity.toUpperCase(),
      String(f.kibana.alert.risk_score),
      f.cloud.provider,
      c.root_identity.id,
      c.shift.kind,
      c.chain.first_seen.replace('.000Z', 'Z'),
      String(c.chain.event_count),
      c.finding_id.slice(0, 12),
      top,
    ];
  });
  const header = ['SEVERITY', 'RISK', 'CLOUD', 'ROOT IDENTITY', 'SHIFT', 'STARTED', 'EVENTS', 'FINDING', 'TOP REASON'];
  const caps = [8, 4, 5, 56, 32, 20, 6, 12, 200];
  const widths = header.map((h, i) => Math.min(caps[i], Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  widths[widths.length - 1] = Math.max(20, Math.min(widths[widths.length - 1], width - fixed));
  const line = (cells: string[]): string => cells.map((c, i) => clip(c, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
