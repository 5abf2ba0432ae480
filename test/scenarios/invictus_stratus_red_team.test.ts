/**
 * invictus-ir: IAM user bert-jan's access key drives a Stratus Red Team run (instance credential theft, secrets,
 * SSM, CloudTrail tampering, IAM backdoors, sharing snapshots and AMIs ...), with Terraform setting up and tearing
 * down each technique's lab from the same machine, console browsing and AWS service traffic around it.
 */
import { dataset } from '../support/datasets';
import { detectFiles, type DetectedFiles } from '../support/detect_files';
import { normalizeRecord } from '../../server/store/normalize';
import { classify, detectInterface } from '../../server/analytic/catalog';
import { readFileSync, readdirSync } from 'node:fs';
import type { AuditEvent } from '../../common/audit_event';

const DIR = dataset('aws/invictus-ir-2023-07-10/CloudTrail');

function allEvents(): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const f of readdirSync(DIR)) {
    for (const r of JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')).Records) {
      const n = normalizeRecord(r);
      if (n.ok) out.push(n.event);
    }
  }
  return out;
}

describe('invictus-ir Stratus Red Team run', () => {
  let run: DetectedFiles;
  let events: AuditEvent[];
  beforeAll(async () => {
    run = await detectFiles([DIR]);
    events = allEvents();
  });

  const mediumUp = () => run.findings.filter((f) => f.kibana.alert.severity !== 'low');

  it('cites at least 95% of the privileged, tamper and recon calls made by the Stratus detonations', () => {
    const detonation = events.filter((e) => {
      const ua = e.source.userAgent ?? '';
      const category = classify(e)?.category;
      return ua.includes('stratus-red-team_') && !ua.includes('Terraform') && (category === 'privileged' || category === 'tamper' || category === 'recon');
    });
    const cited = new Set(mediumUp().flatMap((f) => f.cloud_api_abuse.evidence.map((ev) => ev.event_id)));
    const share = detonation.filter((e) => cited.has(e.id)).length / detonation.length;
    expect(detonation.length).toBeGreaterThan(150);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('rests no high or critical finding only on Terraform, console browsing or AWS services', () => {
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const f of run.findings.filter((x) => x.kibana.alert.severity === 'high' || x.kibana.alert.severity === 'critical')) {
      const weighty = f.cloud_api_abuse.evidence.filter((ev) => {
        const e = byId.get(ev.event_id);
        if (!e) return false;
        const itf = detectInterface(e);
        const consoleRead = itf.kind === 'console' && classify(e)?.category === 'recon';
        return itf.tool !== 'terraform' && itf.kind !== 'service' && !consoleRead;
      });
      expect(weighty.length).toBeGreaterThan(0);
    }
  });

  it("links the AssumeRole-minted session keys to bert-jan's long-term key", () => {
    const chain = run.findings.find((f) => f.cloud_api_abuse.root_identity.id.endsWith(':user/bert-jan') && f.kibana.alert.severity === 'critical');
    expect(chain).toBeDefined();
    const nodes = chain!.cloud_api_abuse.lineage.nodes;
    const longTerm = nodes.find((n) => n.credential_id === 'AKIATFQR7NSC8Q4X20BJ');
    expect(longTerm).toMatchObject({ kind: 'long_term' });
    const minted = nodes.filter((n) => n.credential_id.startsWith('ASIA') && n.minted_by?.action === 'AssumeRole');
    expect(minted.length).toBeGreaterThanOrEqual(3);
    // Every session key of the chain hangs off bert-jan's key: minted by his AssumeRole calls, or forwarded by a
    // service he called (Secrets Manager decrypting with KMS).
    for (const n of nodes.filter((x) => x.credential_id.startsWith('ASIA'))) expect(n.parent).toBe('AKIATFQR7NSC8Q4X20BJ');
    // The role sessions act in the chain: GetPasswordData with a minted key is evidence.
    const minted_ids = new Set(minted.map((n) => n.credential_id));
    expect(chain!.cloud_api_abuse.evidence.some((ev) => ev.action === 'GetPasswordData' && minted_ids.has(ev.credential_id ?? ''))).toBe(true);
  });

  it('explains the chain: attack tool, tampering, IAM persistence, secrets, with ATT&CK and rollback steps', () => {
    const c = run.findings.find((f) => f.kibana.alert.severity === 'critical')!.cloud_api_abuse;
    const codes = c.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['OFFENSIVE_TOOL', 'LOGGING_TAMPER', 'PRIVILEGED_IAM', 'PRIVILEGED_SECRETS']));
    expect(c.techniques.map((t) => t.id)).toEqual(expect.arrayContaining(['T1562.008', 'T1098.001']));
    expect(c.response.rollback.some((s) => s.action === 'CreateLoginProfile' && /delete-login-profile/.test(s.command ?? ''))).toBe(true);
    expect(c.response.containment.length).toBeGreaterThan(0);
  });

  it('gives the same findings with the same ids when run again', async () => {
    const again = await detectFiles([DIR]);
    expect(again.findings.map((f) => [f.cloud_api_abuse.finding_id, f.kibana.alert.severity, f.kibana.alert.risk_score])).toEqual(
      run.findings.map((f) => [f.cloud_api_abuse.finding_id, f.kibana.alert.severity, f.kibana.alert.risk_score]),
    );
  });
});
