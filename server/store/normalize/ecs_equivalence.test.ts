/**
 * An Elastic document and the raw record it was made from (its event.original) must say the same thing about the
 * fields the analytic compares. The ECS side is mapped from ECS fields, so this checks both mappings agree.
 */
import type { AuditEvent } from '../../../common/audit_event';
import { ecsRecords, eventOf, valueAt } from './dataset_fixtures';
import { detectRecordShape, normalizeRecord } from './index';

const pairs = ecsRecords()
  .filter((d) => typeof valueAt(d.record, 'event.original') === 'string')
  .map((d) => ({
    file: d.origin.file,
    ecs: eventOf(normalizeRecord(d.record)),
    raw: eventOf(normalizeRecord(JSON.parse(valueAt(d.record, 'event.original') as string) as unknown)),
  }));

function compared(e: AuditEvent): Record<string, unknown> {
  return {
    provider: e.provider,
    log: e.log,
    service: e.service,
    action: e.action,
    outcome: e.outcome,
    actorId: e.actor.id,
    actorName: e.actor.name,
    credentialId: e.credential?.id,
    sourceIp: e.source.ip,
    userAgent: e.source.userAgent,
    time: e.time,
  };
}

describe('ECS and raw encodings of the same record agree', () => {
  it('covers every Elastic document that keeps event.original, across the four clouds logs', () => {
    expect(pairs.length).toBe(13);
    expect(new Set(pairs.map((p) => p.ecs.log))).toEqual(new Set(['aws.cloudtrail', 'gcp.audit', 'azure.activitylogs', 'azure.signinlogs']));
    for (const p of pairs) {
      expect(p.ecs.encoding).toBe('ecs');
      expect(p.raw.encoding).toBe('raw');
      expect(detectRecordShape(p.raw.raw)?.endsWith('.raw')).toBe(true);
    }
  });

  it.each(pairs.map((p, i) => [`${p.file} #${i}`, p]))('%s', (_name, p) => {
    expect(compared(p.ecs)).toEqual(compared(p.raw));
  });

  it('agrees on the key minted by AssumeRole', () => {
    const assumeRoles = pairs.filter((p) => p.raw.action === 'AssumeRole');
    expect(assumeRoles.length).toBe(2);
    for (const p of assumeRoles) {
      expect(p.raw.minted?.id).toBe('ASIAWHOJDLGPOEXAMPLE');
      expect(p.ecs.minted).toEqual(p.raw.minted);
    }
  });
});
