import { compactEvent } from './compact';
import { classify, renderRollback } from './catalog';
import type { AuditEvent } from '../../common/audit_event';

const base = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 'e1',
  time: 0,
  provider: 'aws',
  log: 'aws.cloudtrail',
  encoding: 'raw',
  service: 'iam.amazonaws.com',
  action: 'CreateAccessKey',
  outcome: 'success',
  actor: { type: 'user', name: 'alice' },
  source: {},
  resources: [],
  ...over,
  raw: over.raw ?? {},
});

describe('compactEvent', () => {
  it('keeps request and response of a privileged call, so its rollback step still names the new key', () => {
    const raw = { requestParameters: { userName: 'bob' }, responseElements: { accessKey: { accessKeyId: 'AKIANEWKEY0000000001', userName: 'bob' } } };
    const e = compactEvent(base({ request: raw.requestParameters, raw }), classify);
    expect(e.raw).toBeUndefined();
    expect(e.request).toEqual({ userName: 'bob' });
    const step = renderRollback(classify(e)!.rollback!, e);
    expect(step.command).toContain('AKIANEWKEY0000000001');
  });

  it('drops the request of reads and other calls', () => {
    const e = compactEvent(base({ service: 'ec2.amazonaws.com', action: 'DescribeInstances', request: { maxResults: 5 }, raw: { x: 1 } }), classify);
    expect(e.request).toBeUndefined();
    expect(e.raw).toBeUndefined();
  });
});
