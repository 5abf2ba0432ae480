/** Catalog conditions as queries select the documents the catalog's own predicate accepts once they are normalized. */
import type { estypes } from '@elastic/elasticsearch';
import { toEcs } from '../../../../plugin/sample_data/ecs';
import { FakeElasticsearch } from '../../../../test/support/fake_es';
import { compileCondition, type EntryCondition } from '../../../analytic/catalog';
import { normalizeRecord } from '../../normalize';
import { conditionQuery } from './condition_query';
import { AWS_CLOUDTRAIL, GCP_AUDIT, type CoverageDataset } from './coverage_datasets';

function cloudTrail(id: string, requestParameters: object, identity: object = {}, sourceIPAddress = '203.0.113.9') {
  return {
    eventVersion: '1.09',
    eventID: id,
    eventTime: '2026-11-20T12:00:00Z',
    eventSource: 'ssm.amazonaws.com',
    eventName: 'GetParameter',
    awsRegion: 'us-east-1',
    sourceIPAddress,
    userAgent: 'aws-cli/2.17.18',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/eve', accountId: '111122223333', userName: 'eve', ...identity },
    requestParameters,
    readOnly: true,
    recipientAccountId: '111122223333',
  };
}

function auditLog(id: string, metadata: object) {
  return {
    insertId: id,
    logName: 'projects/p1/logs/cloudaudit.googleapis.com%2Factivity',
    timestamp: '2026-11-20T12:00:00Z',
    resource: { type: 'project', labels: { project_id: 'p1' } },
    protoPayload: {
      serviceName: 'cloudresourcemanager.googleapis.com',
      methodName: 'SetIamPolicy',
      authenticationInfo: { principalEmail: 'eve@example.com' },
      resourceName: 'projects/p1',
      metadata,
    },
  };
}

const RECORDS = [
  cloudTrail('decrypted', { name: '/db/password', withDecryption: true }),
  cloudTrail('decrypted-as-text', { name: '/db/password', withDecryption: 'TRUE' }),
  cloudTrail('plain', { name: '/flag', withDecryption: false }),
  cloudTrail('unsaid', { name: '/flag' }),
  cloudTrail('with-profile', { iamInstanceProfile: { name: 'admin' } }),
  cloudTrail('features', { detectorId: 'd1', features: [{ name: 'S3_DATA_EVENTS', status: 'Disabled' }] }),
  cloudTrail('for-a-service', { name: '/db/password', withDecryption: true }, { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' }),
  cloudTrail('invoked', { name: '/db/password', withDecryption: true }, { invokedBy: 'cloudformation.amazonaws.com' }),
  cloudTrail('from-aws', { name: '/db/password', withDecryption: true }, {}, 'ssm.amazonaws.com'),
  auditLog('audit-config', { policyDelta: { auditConfigDeltas: [{ action: 'REMOVE', service: 'allServices' }] } }),
  auditLog('bindings', { policyDelta: { bindingDeltas: [{ action: 'ADD', role: 'roles/owner', member: 'user:eve@example.com' }] } }),
];

const CASES: [string, CoverageDataset, EntryCondition][] = [
  ['equals true, as a boolean or text in any case', AWS_CLOUDTRAIL, { path: 'withDecryption', equals: true }],
  ['equals false', AWS_CLOUDTRAIL, { path: 'withDecryption', equals: false }],
  ['present', AWS_CLOUDTRAIL, { path: 'iamInstanceProfile', present: true }],
  ['absent', AWS_CLOUDTRAIL, { path: 'iamInstanceProfile', present: false }],
  ['mentions, in the request text', AWS_CLOUDTRAIL, { path: 'features', mentions: 'disabled' }],
  ['not', AWS_CLOUDTRAIL, { not: { path: 'withDecryption', equals: true } }],
  ['anyOf', AWS_CLOUDTRAIL, { anyOf: [{ path: 'iamInstanceProfile', present: true }, { path: 'withDecryption', equals: false }] }],
  ['allOf', AWS_CLOUDTRAIL, { allOf: [{ path: 'withDecryption', equals: true }, { caller: 'direct' }] }],
  ['a direct call: no service made it, none invoked it, not from AWS', AWS_CLOUDTRAIL, { caller: 'direct' }],
  ['present in what GCP attached beyond the request', GCP_AUDIT, { in: 'details', path: 'policyDelta.auditConfigDeltas', present: true }],
];

describe('conditionQuery', () => {
  const fake = new FakeElasticsearch();
  const docs = RECORDS.map((r) => toEcs(r)).flatMap((d) => (d ? [d] : []));
  beforeAll(() => {
    for (const d of docs) fake.index(d.index, [{ id: d.id, document: d.document }]);
  });

  async function selected(d: CoverageDataset, query: estypes.QueryDslQueryContainer): Promise<string[]> {
    const hits = (await fake.client().search({ index: `logs-${d.dataset}-*`, size: 100, query, _source: false })).hits.hits;
    return hits.map((h) => h._id as string).sort();
  }

  it.each(CASES)('%s', async (_name, d, condition) => {
    const conditions = d.actions?.conditions;
    if (!conditions) throw new Error('a log with conditions');
    const accepts = compileCondition(condition);
    const expected = docs
      .filter((doc) => doc.index.includes(d.dataset))
      .filter((doc) => {
        const r = normalizeRecord(doc.document);
        return r.ok && accepts(r.event);
      })
      .map((doc) => doc.id)
      .sort();
    expect(await selected(d, conditionQuery(condition, conditions))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
