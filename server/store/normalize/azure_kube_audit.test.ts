import { eventOf, pantherRecords } from './dataset_fixtures';
import { detectRecordShape, normalizeRecord } from './index';

const kube = pantherRecords()
  .map((d) => d.record)
  .filter((r) => detectRecordShape(r) === 'azure.kubeaudit.raw');

describe('AKS kube-audit records (Kubernetes audit event inside properties.log)', () => {
  const events = kube.map((r) => eventOf(normalizeRecord(r)));

  it('normalizes every kube-audit fixture from the embedded audit event', () => {
    expect(kube.length).toBe(34);
    expect(events.every((e) => e.service === 'MICROSOFT.CONTAINERSERVICE' && e.action.startsWith('io.k8s.'))).toBe(true);
  });

  it('names methods as GKE does, so one catalog entry matches both clouds', () => {
    const actions = new Set(events.map((e) => e.action));
    expect(actions).toContain('io.k8s.core.v1.pods.exec.create');
    expect(actions).toContain('io.k8s.authorization.rbac.v1.clusterrolebindings.create');
    expect(actions).toContain('io.k8s.core.v1.secrets.list');
  });

  it('reads the caller, its address and the result from the audit event', () => {
    const anonymous = events.find((e) => e.actor.name === 'system:anonymous');
    expect(anonymous).toMatchObject({ actor: { type: 'unknown' }, readOnly: true, outcome: 'success', source: { ip: '10.0.0.1', userAgent: 'kubectl/v1.28.0' }, id: 'abc-123' });
    const forbidden = events.find((e) => e.errorCode === '403');
    expect(forbidden?.outcome).toBe('failure');
  });

  it('gives a reason when the embedded log is not JSON', () => {
    expect(normalizeRecord({ category: 'kube-audit', operationName: 'x', properties: { log: 'not json' } })).toEqual({
      ok: false,
      reason: 'AKS kube-audit record whose properties.log is not a JSON object',
    });
  });
});
