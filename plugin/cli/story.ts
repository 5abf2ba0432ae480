/** One finding as a readable incident story: what happened, in order, and what to do about it. */
import type { FindingDocument, LineageNode } from '../../common/finding';

const hhmmss = (iso: string): string => iso.slice(11, 19);

function lineageTree(nodes: LineageNode[]): string[] {
  const children = new Map<string | undefined, LineageNode[]>();
  const ids = new Set(nodes.map((n) => n.credential_id));
  for (const n of nodes) {
    const parent = n.parent && ids.has(n.parent) ? n.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const out: string[] = [];
  const walk = (n: LineageNode, depth: number): void => {
    const pad = depth === 0 ? '  ' : `  ${'   '.repeat(depth - 1)}└─ `;
    const minted = n.minted_by
      ? ` minted by ${n.minted_by.action} at ${hhmmss(n.minted_by.time)}${n.minted_by.target ? ` as ${n.minted_by.target}` : ''} (event ${n.minted_by.event_id})`
      : '';
    const ctx = n.contexts.map((c) => `${c.tool} from ${c.network}`).join(', ');
    out.push(`${pad}${n.credential_id} [${n.kind}] ${n.principal}${minted}${n.event_count ? `; ${n.event_count} events in the chain` : ''}${ctx ? ` (${ctx})` : ''}`);
    for (const c of children.get(n.credential_id) ?? []) walk(c, depth + 1);
  };
  for (const r of children.get(undefined) ?? []) walk(r, 0);
  return out;
}

export function findingStory(f: FindingDocument, maxTimeline = 60): string {
  const c = f.cloud_api_abuse;
  const r = c.root_identity;
  const lines: string[] = [];
  lines.push(`Finding ${c.finding_id}: ${f.kibana.alert.severity.toUpperCase()} (risk ${f.kibana.alert.risk_score})`);
  lines.push(`Root identity: ${r.id} (${r.type}, ${r.provider}${r.account ? ` account ${r.account}` : ''})${r.human ? `, person: ${r.human}` : ''}`);
  lines.push(`From ${c.chain.first_seen} to ${c.chain.last_seen}: ${c.chain.event_count} events over ${c.chain.services.length} services`);
  lines.push('');
  lines.push('What changed');
  const a = c.shift.after;
  lines.push(`  ${c.shift.time} ${c.shift.kind}: ${a.tool ?? '?'} (${a.interface ?? '?'}) from ${a.ip ?? a.network ?? 'unknown'}${a.country ? ` in ${a.country}` : ''}${a.mfa === false ? ', no MFA' : ''}`);
  if (a.user_agent) lines.push(`  user agent: ${a.user_agent}`);
  const b = c.shift.before;
  lines.push(
    b.history_events
      ? `  usually (${b.history_events} earlier events): networks ${b.networks.join(', ') || '-'}; tools ${b.tools.join(', ') || '-'}; interfaces ${b.interfaces.join(', ') || '-'}${b.countries.length ? `; countries ${b.countries.join(', ')}` : ''}`
      : '  no earlier activity of this identity in the data',
  );
  lines.push('');
  lines.push('Timeline');
  // Repeated identical calls (a loop over instances, a retry storm) are one line with a count.
  const rows: { e: (typeof c.evidence)[number]; n: number; last: string }[] = [];
  for (const e of c.evidence) {
    const prev = rows[rows.length - 1];
    const same = prev && prev.e.action === e.action && prev.e.service === e.service && prev.e.credential_id === e.credential_id && prev.e.outcome === e.outcome && prev.e.stage === e.stage;
    if (same) {
      prev.n++;
      prev.last = e['@timestamp'];
    } else rows.push({ e, n: 1, last: e['@timestamp'] });
  }
  for (const { e, n, last } of rows.slice(0, maxTimeline)) {
    const failed = e.outcome === 'failure' ? ` FAILED${e.error_code ? ` (${e.error_code})` : ''}` : '';
    const times = n > 1 ? `x${n} until ${hhmmss(last)}` : '';
    lines.push(`  ${hhmmss(e['@timestamp'])}  ${e.stage.padEnd(10)} ${`${e.service} ${e.action}`.padEnd(56)} ${times.padEnd(16)} ${e.credential_id ?? e.principal}  ${e.source_ip ?? e.source_address ?? ''}  ${e.tool}${failed}`);
  }
  if (rows.length > maxTimeline) lines.push(`  ... ${rows.length - maxTimeline} more steps in the evidence`);
  if (c.chain.evidence_truncated) lines.push(`  ... ${c.chain.evidence_truncated} further events counted but not kept`);
  lines.push('');
  lines.push('Credential lineage');
  lines.push(...lineageTree(c.lineage.nodes));
  lines.push('');
  lines.push('Why it scored');
  for (const reason of c.reasons) lines.push(`  ${reason.weight >= 0 ? '+' : ''}${reason.weight}  ${reason.text}`);
  if (c.automation) lines.push(`  (expected automation: ${c.automation.name})`);
  lines.push('');
  lines.push('ATT&CK');
  for (const t of c.techniques) lines.push(`  ${t.id} ${t.name}${t.tactics.length ? ` [${t.tactics.join(', ')}]` : ''}`);
  lines.push('');
  lines.push('Contain');
  c.response.containment.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.title.replace(/\.$/, '')}: ${s.detail}`);
    if (s.command) lines.push(`     $ ${s.command}`);
  });
  if (c.response.rollback.length) {
    lines.push('');
    lines.push('Roll back');
    for (const s of c.response.rollback) {
      lines.push(`  - ${s.action} (${s.event_id}): ${s.text}`);
      if (s.command) lines.push(`     $ ${s.command}`);
    }
  }
  return lines.join('\n') + '\n';
}
