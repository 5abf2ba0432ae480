import { MAX_IDENTIFIER, MAX_RESOURCES, MAX_USER_AGENT } from './clip';
import { eventOf } from './dataset_fixtures';
import { detectRecordShape, normalizeRecord } from './index';

const cloudTrail = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventVersion: '1.08',
  eventTime: '2024-05-01T10:00:00Z',
  eventSource: 'iam.amazonaws.com',
  eventName: 'ListUsers',
  eventID: 'e-1',
  sourceIPAddress: '198.51.100.7',
  userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: 'AKIAEXAMPLE' },
  ...extra,
});

describe('detectRecordShape', () => {
  it('tells each supported shape from its own keys', () => {
    expect(detectRecordShape(cloudTrail())).toBe('aws.cloudtrail.raw');
    expect(detectRecordShape({ '@timestamp': 'x', eventName: 'ListUsers', eventSource: 'iam.amazonaws.com' })).toBe('aws.cloudtrail.raw');
    expect(detectRecordShape({ event: { action: 'ListUsers' }, aws: { cloudtrail: {} } })).toBe('aws.cloudtrail.ecs');
    expect(detectRecordShape({ protoPayload: { methodName: 'x' } })).toBe('gcp.audit.raw');
    expect(detectRecordShape({ '@timestamp': 'x', event: {}, data_stream: { dataset: 'gcp.audit' } })).toBe('gcp.audit.ecs');
    expect(detectRecordShape({ operationName: 'Microsoft.Compute/virtualMachines/write', resourceId: '/subscriptions/s' })).toBe('azure.activitylogs.raw');
    expect(detectRecordShape({ azure: { activitylogs: {} } })).toBe('azure.activitylogs.ecs');
    expect(detectRecordShape({ category: 'kube-audit', operationName: 'x', properties: {} })).toBe('azure.kubeaudit.raw');
    expect(detectRecordShape({ category: 'ManagedIdentitySignInLogs', properties: {} })).toBe('azure.signinlogs.raw');
    expect(detectRecordShape({ azure: { signinlogs: {} } })).toBe('azure.signinlogs.ecs');
    expect(detectRecordShape({ category: 'AuditLogs', properties: {} })).toBe('azure.auditlogs.raw');
    expect(detectRecordShape({ 'event.dataset': 'azure.auditlogs' })).toBe('azure.auditlogs.ecs');
  });

  it('returns undefined for non-records and unknown records', () => {
    for (const v of [null, undefined, 42, 'text', [cloudTrail()], {}, { hello: 'world' }]) expect(detectRecordShape(v)).toBeUndefined();
  });
});

describe('normalizeRecord reasons', () => {
  it('says what it got when the input is not a record', () => {
    expect(normalizeRecord([1, 2])).toEqual({ ok: false, reason: 'record is not a JSON object (array of 2)' });
    expect(normalizeRecord(null)).toEqual({ ok: false, reason: 'record is not a JSON object (null)' });
    expect(normalizeRecord('{"eventName":"x"}')).toEqual({ ok: false, reason: 'record is not a JSON object (string)' });
  });

  it('lists the keys of an unrecognized record', () => {
    expect(normalizeRecord({ foo: 1, bar: 2 })).toEqual({ ok: false, reason: 'unrecognized record: keys foo,bar' });
    expect(normalizeRecord({ p_log_type: 'x', p_event_time: 'y' })).toEqual({
      ok: false,
      reason: 'unrecognized record: only Panther enrichment fields (p_*), no provider record',
    });
  });

  it('names known formats it does not support', () => {
    const reason = (r: unknown): string => {
      const result = normalizeRecord(r);
      return result.ok ? 'ok' : result.reason;
    };
    expect(reason({ Records: [cloudTrail()] })).toMatch(/^unsupported provider: CloudTrail delivery file envelope/);
    expect(reason({ uuid: 'u', eventType: 'user.session.start', actor: { id: 'x' }, published: '2024-01-01T00:00:00Z' })).toBe('unsupported provider: Okta System Log');
    expect(reason({ kind: 'Event', apiVersion: 'audit.k8s.io/v1', verb: 'get' })).toBe('unsupported provider: Kubernetes audit log (outside a cloud envelope)');
    expect(reason({ '@timestamp': 'x', data_stream: { dataset: 'okta.system' }, event: {} })).toBe('unsupported provider: ECS dataset okta.system');
    expect(reason({ category: 'MicrosoftGraphActivityLogs', operationName: 'Microsoft Graph Activity' })).toBe('unsupported provider: Azure MicrosoftGraphActivityLogs');
  });
});

describe('normalizeRecord robustness', () => {
  it('never throws, whatever the input', () => {
    const throwing = cloudTrail();
    Object.defineProperty(throwing, 'userIdentity', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        has() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
      },
    );
    const inputs: unknown[] = [
      throwing,
      hostile,
      { eventName: {}, eventSource: [] },
      { eventName: 'X', eventSource: 'y', userIdentity: 'not an object', resources: 'nope', requestParameters: 7 },
      { protoPayload: { methodName: 5, serviceName: null, authenticationInfo: [] } },
      { protoPayload: { methodName: 'm', serviceName: 's', authenticationInfo: { serviceAccountDelegationInfo: 'x' } } },
      { operationName: { value: null }, category: 'Administrative' },
      { category: 'SignInLogs', properties: 'x' },
      { category: 'kube-audit', properties: { log: '{"verb": 1}' } },
      { azure: { signinlogs: { category: 42 } } },
      { aws: { cloudtrail: { resources: 'x' } }, event: { action: 'A', provider: 'p.amazonaws.com', original: '{bad json' } },
    ];
    for (const input of inputs) {
      let result: ReturnType<typeof normalizeRecord> | undefined;
      expect(() => (result = normalizeRecord(input))).not.toThrow();
      expect(result?.ok === true || (typeof result?.reason === 'string' && result.reason.length > 0)).toBe(true);
    }
    expect(normalizeRecord(throwing)).toEqual({ ok: false, reason: 'cannot normalize aws.cloudtrail.raw: boom' });
  });

  it('does not pollute prototypes through __proto__ or constructor keys', () => {
    const text =
      '{"eventVersion":"1.08","eventTime":"2024-05-01T10:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","eventID":"e",' +
      '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' +
      '"userIdentity":{"type":"IAMUser","userName":"alice","__proto__":{"polluted":"yes"}},' +
      '"requestParameters":{"userName":"bob","__proto__":{"polluted":"yes"}}}';
    const gcpText =
      '{"protoPayload":{"methodName":"v1.compute.instances.setMetadata","serviceName":"compute.googleapis.com",' +
      '"request":{"__proto__":{"polluted":"yes"}},"metadata":{"__proto__":{"polluted":"yes"},"constructor":{"polluted":"yes"}}}}';
    const e = eventOf(normalizeRecord(JSON.parse(text)));
    const g = eventOf(normalizeRecord(JSON.parse(gcpText)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(g.request)).toBe(Object.prototype);
    expect((g.request as Record<string, unknown>).polluted).toBeUndefined();
    expect(e.actor.name).toBe('alice');
    expect(normalizeRecord({ eventName: 'constructor', eventSource: 'toString' }).ok).toBe(true);
  });

  it('bounds what one record can put in an event', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const e = eventOf(
      normalizeRecord(
        cloudTrail({
          userAgent: huge,
          eventID: huge,
          userIdentity: { type: 'IAMUser', userName: huge, arn: huge, accessKeyId: huge, principalId: huge },
          resources: Array.from({ length: 500 }, (_, i) => ({ ARN: `arn:aws:s3:::bucket-${i}` })),
        }),
      ),
    );
    expect(e.source.userAgent?.length).toBe(MAX_USER_AGENT);
    expect(e.id.length).toBe(MAX_IDENTIFIER);
    expect(e.actor.name?.length).toBe(MAX_IDENTIFIER);
    expect(e.credential?.id.length).toBe(MAX_IDENTIFIER);
    expect(e.resources.length).toBe(MAX_RESOURCES);
    expect(JSON.stringify({ ...e, raw: undefined }).length).toBeLessThan(64 * 1024);
  });

  it('bounds the Azure service even when the provider namespace of operationName is huge', () => {
    const e = eventOf(normalizeRecord({ operationName: `Microsoft.${'x'.repeat(1024 * 1024)}/write`, category: 'Administrative' }));
    expect(e.service.length).toBe(MAX_IDENTIFIER);
    expect(e.action.length).toBe(MAX_IDENTIFIER);
  });

  it('unwraps exported Elasticsearch hits and records where they came from', () => {
    const source = { '@timestamp': '2024-05-01T10:00:00Z', event: { action: 'ListUsers', provider: 'iam.amazonaws.com', id: 'e1' }, aws: { cloudtrail: {} } };
    const hit = { _index: '.ds-logs-aws.cloudtrail-default-2024.05.01-000001', _id: 'doc-1', _source: source };
    expect(detectRecordShape(hit)).toBe('aws.cloudtrail.ecs');
    const e = eventOf(normalizeRecord(hit, { file: 'export.ndjson', line: 7 }));
    expect(e.origin).toEqual({ file: 'export.ndjson', line: 7, index: '.ds-logs-aws.cloudtrail-default-2024.05.01-000001', docId: 'doc-1' });
    expect(e.raw).toBe(source);
  });

  it('passes the origin through and keeps the original record', () => {
    const record = cloudTrail();
    const e = eventOf(normalizeRecord(record, { file: 'a.json', line: 3 }));
    expect(e.origin).toEqual({ file: 'a.json', line: 3 });
    expect(e.raw).toBe(record);
  });
});
