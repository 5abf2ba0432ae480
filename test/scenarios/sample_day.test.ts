/**
 * The generated multi-cloud day: heavy benign automation, console users, service traffic, benign novelties (a new
 * home address, an on-call CloudShell session, a new CI runner range) and nine injected attack chains.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSampleDay } from '../../plugin/sample_data';
import type { SampleLabels } from '../../plugin/sample_data/types';
import { detectFiles, type DetectedFiles } from '../support/detect_files';

const EVENTS = 250_000;

describe('generated sample day', () => {
  let dir: string;
  let labels: SampleLabels;
  let run: DetectedFiles;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-day-'));
    const day = await generateSampleDay({ outDir: dir, seed: 7, events: EVENTS });
    labels = day.labels;
    run = await detectFiles(day.files);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const evidenceOf = (f: DetectedFiles['findings'][number]) => new Set(f.cloud_api_abuse.evidence.map((e) => e.event_id));

  it('finds every injected chain as exactly one finding of medium or above, rooted at the right identity', () => {
    expect(labels.chains).toHaveLength(9);
    for (const chain of labels.chains) {
      const ids = new Set(chain.eventIds);
      const hits = run.findings.filter((f) => [...evidenceOf(f)].some((id) => ids.has(id)));
      expect({ chain: chain.id, findings: hits.length }).toEqual({ chain: chain.id, findings: 1 });
      const f = hits[0];
      expect({ chain: chain.id, root: f.cloud_api_abuse.root_identity.id.toLowerCase() }).toEqual({ chain: chain.id, root: chain.rootIdentity.toLowerCase() });
      expect(f.kibana.alert.severity).not.toBe('low');
      const cited = chain.eventIds.filter((id) => evidenceOf(f).has(id)).length;
      expect(cited / chain.eventIds.length).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('raises no more than one high or critical finding per 100,000 benign events', () => {
    const attack = new Set(labels.chains.flatMap((c) => c.eventIds));
    const benignHigh = run.findings.filter(
      (f) => (f.kibana.alert.severity === 'high' || f.kibana.alert.severity === 'critical') && ![...evidenceOf(f)].some((id) => attack.has(id)),
    );
    expect(benignHigh.length).toBeLessThanOrEqual(Math.floor(labels.benignEvents / 100_000));
  });

  it('keeps the benign novelties (new home address, on-call CloudShell, new CI runner range) below high', () => {
    expect(labels.benignNovelties.length).toBeGreaterThanOrEqual(3);
    for (const n of labels.benignNovelties) {
      const theirs = run.findings.filter((f) => f.cloud_api_abuse.root_identity.id.toLowerCase() === n.rootIdentity.toLowerCase());
      const severities = theirs.map((f) => f.kibana.alert.severity);
      expect({ novelty: n.id, high: severities.filter((s) => s === 'high' || s === 'critical') }).toEqual({ novelty: n.id, high: [] });
    }
  });

  it('rebuilds the role chain of the admin escalation hop by hop', () => {
    const chain = labels.chains.find((c) => c.id === 'aws-assume-role-chain-admin')!;
    const f = run.findings.find((x) => x.cloud_api_abuse.root_identity.id === chain.rootIdentity)!;
    expect(f.cloud_api_abuse.lineage.depth).toBeGreaterThanOrEqual(2);
    const minted = f.cloud_api_abuse.lineage.nodes.filter((n) => n.minted_by?.action === 'AssumeRole');
    expect(minted.length).toBeGreaterThanOrEqual(2);
    expect(f.cloud_api_abuse.reasons.map((r) => r.code)).toContain('ROLE_CHAINING');
  });

  it('reads every generated file without skips and reports coverage per provider', () => {
    expect(run.report.skipped).toBe(0);
    expect(run.report.events).toBe(labels.totalEvents);
    expect(run.coverage.providers.map((p) => p.provider)).toEqual(['aws', 'azure', 'gcp']);
    expect(run.coverage.providers.find((p) => p.provider === 'azure')?.sign_in_logs).toBe(true);
    // the tamper chain stopped the shared account's trail
    expect(run.coverage.problems.some((p) => p.kind === 'tamper')).toBe(true);
  });

  it('labels file matches what was written', () => {
    const onDisk = JSON.parse(readFileSync(path.join(dir, '.labels.json'), 'utf8')) as SampleLabels;
    expect(onDisk.chains.map((c) => c.id)).toEqual(labels.chains.map((c) => c.id));
  });
});
