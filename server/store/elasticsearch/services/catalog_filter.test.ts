/**
 * The catalog's tamper and privileged categories decided inside Elasticsearch: for every document of a generated
 * day (and a few rare calls made for the occasion), the category queries select exactly the documents the catalog
 * itself puts in that category once they are normalized.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { estypes } from '@elastic/elasticsearch';
import { generateSampleDay } from '../../../../plugin/sample_data';
import { toEcs } from '../../../../plugin/sample_data/ecs';
import { loadDay } from '../../../../test/support/elasticsearch_day';
import type { FakeElasticsearch } from '../../../../test/support/fake_es';
import { classify } from '../../../analytic/catalog';
import { normalizeRecord } from '../../normalize';
import { categoryQueries, classifyPair, pairsAggregation, readPairs, type CoverageCategory } from './catalog_filter';
import { AWS_CLOUDTRAIL, AZURE_ACTIVITY, GCP_AUDIT, inDataset, type CoverageDataset } from './coverage_datasets';
import { child, type AggNode } from './agg_reader';

const pair = (service: string | undefined, action: string) => ({ service, actionField: 0, action, classified: { service: service ?? '', action } });

describe('classifyPair', () => {
  it('classifies by (service, action) alone where the catalog does', () => {
    expect(classifyPair(AWS_CLOUDTRAIL, pair('cloudtrail.amazonaws.com', 'StopLogging'))).toEqual({ conditions: [], outcomes: ['tamper'] });
    // Lambda logs API-versioned names
    expect(classifyPair(AWS_CLOUDTRAIL, pair('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2'))).toEqual({ conditions: [], outcomes: ['privileged'] });
    expect(classifyPair(AWS_CLOUDTRAIL, pair('ec2.amazonaws.com', 'DescribeInstances'))).toBeUndefined();
  });

  it('keeps the conditions that decide, and what each combination gives', () => {
    // SetIamPolicy that changes audit configs is tamper, any other one privileged
    const setIamPolicy = classifyPair(GCP_AUDIT, pair('cloudresourcemanager.googleapis.com', 'SetIamPolicy'));
    expect(setIamPolicy?.conditions).toEqual([{ in: 'details', path: 'policyDelta.auditConfigDeltas', present: true }]);
    expect(setIamPolicy?.outcomes).toEqual(['privileged', 'tamper']);
    // KMS decryption by a principal (not by a service for it) reads secrets
    expect(classifyPair(AWS_CLOUDTRAIL, pair('kms.amazonaws.com', 'Decrypt'))).toEqual({ conditions: [{ caller: 'direct' }], outcomes: [undefined, 'privileged'] });
  });
});

/** Raw records of calls the generated day does not make, converted as the integrations index them. */
function rareCalls(): { index: string; id: string; document: object }[] {
  const gcp = (id: string, metadata: object | undefined) => ({
    insertId: id,
    logName: 'projects/p1/logs/cloudaudit.googleapis.com%2Factivity',
    timestamp: '2026-11-20T12:00:00Z',
    resource: { type: 'project', labels: { project_id: 'p1' } },
    protoPayload: {
      '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
      serviceName: 'cloudresourcemanager.googleapis.com',
      methodName: 'SetIamPolicy',
      authenticationInfo: { principalEmail: 'eve@example.com' },
      requestMetadata: { callerIp: '203.0.113.9' },
      resourceName: 'projects/p1',
      request: { '@type': 'type.googleapis.com/google.iam.v1.SetIamPolicyRequest', resource: 'projects/p1' },
      ...(metadata ? { metadata } : {}),
    },
  });
  const aws = (id: string, eventName: string, eventSource: string, requestParameters: object, identity: object) => ({
    eventVersion: '1.09',
    eventID: id,
    eventTime: '2026-11-20T12:00:00Z',
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    userAgent: 'aws-cli/2.17.18',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/eve', accountId: '111122223333', accessKeyId: 'AKIAEXAMPLE', userName: 'eve', ...identity },
    requestParameters,
    readOnly: false,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  });
  const records = [
    gcp('audit-config-removed', { '@type': 'type.googleapis.com/google.iam.v1.logging.AuditData', policyDelta: { auditConfigDeltas: [{ action: 'REMOVE', service: 'allServices', logType: 'DATA_READ' }] } }),
    gcp('binding-added', { '@type': 'type.googleapis.com/google.iam.v1.logging.AuditData', policyDelta: { bindingDeltas: [{ action: 'ADD', role: 'roles/owner', member: 'user:eve@example.com' }] } }),
    aws('detector-off', 'UpdateDetector', 'guardduty.amazonaws.com', { detectorId: 'd1', enable: false }, {}),
    aws('features-off', 'UpdateDetector', 'guardduty.amazonaws.com', { detectorId: 'd1', features: [{ name: 'S3_DATA_EVENTS', status: 'DISABLED' }] }, {}),
    aws('detector-tuned', 'UpdateDetector', 'guardduty.amazonaws.com', { detectorId: 'd1', findingPublishingFrequency: 'SIX_HOURS' }, {}),
    aws('decrypt-by-service', 'Decrypt', 'kms.amazonaws.com', { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }, { type: 'AWSService', invokedBy: 'secretsmanager.amazonaws.com' }),
    aws('ssm-plain', 'GetParameter', 'ssm.amazonaws.com', { name: '/app/flag', withDecryption: false }, {}),
    aws('ssm-secret', 'GetParameter', 'ssm.amazonaws.com', { name: '/app/db-password', withDecryption: true }, {}),
  ];
  return records.map((r) => toEcs(r)).flatMap((d) => (d ? [d] : []));
}

describe('categoryQueries', () => {
  let dir: string;
  let es: FakeElasticsearch;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-es-catalog-'));
    const files = (await generateSampleDay({ outDir: dir, seed: 7, events: 6_000 })).files;
    es = (await loadDay(files)).es;
    for (const d of rareCalls()) es.index(d.index, [{ id: d.id, document: d.document }]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function idsOf(query: estypes.QueryDslQueryContainer): Promise<string[]> {
    const hits = (await es.client().search({ index: 'logs-*', size: 10_000, query, _source: false })).hits.hits;
    return hits.map((h) => h._id as string).sort();
  }

  it.each([AWS_CLOUDTRAIL, GCP_AUDIT, AZURE_ACTIVITY])('selects what the catalog calls tamper or privileged in $dataset', async (d: CoverageDataset) => {
    const actions = d.actions;
    if (!actions) throw new Error('a log with actions');
    const listed = await es.client().search({ index: 'logs-*', size: 0, query: inDataset(d), aggs: { pairs: pairsAggregation(d, actions) } });
    const aggregations: AggNode | undefined = listed.aggregations;
    const queries = categoryQueries(d, actions, readPairs(actions, child(aggregations, 'pairs')));

    const expected: Record<CoverageCategory, string[]> = { tamper: [], privileged: [] };
    const all = (await es.client().search({ index: 'logs-*', size: 10_000, query: inDataset(d) })).hits.hits;
    for (const hit of all) {
      const result = normalizeRecord(hit._source);
      const category = result.ok ? classify(result.event)?.category : undefined;
      if (category === 'tamper' || category === 'privileged') expected[category].push(hit._id as string);
    }
    expect(expected.privileged.length).toBeGreaterThan(10);
    for (const category of ['tamper', 'privileged'] as const) {
      expect(await idsOf({ bool: { filter: [inDataset(d), queries[category]] } })).toEqual(expected[category].sort());
    }
  });

  it('tells the rare calls apart by their request', async () => {
    const tamper = await idsOf(categoryQueriesFor(GCP_AUDIT).tamper);
    expect(tamper).toContain('audit-config-removed');
    expect(tamper).not.toContain('binding-added');
    const awsQueries = categoryQueriesFor(AWS_CLOUDTRAIL);
    expect(await idsOf(awsQueries.tamper)).toEqual(expect.arrayContaining(['detector-off', 'features-off']));
    expect(await idsOf(awsQueries.tamper)).not.toContain('detector-tuned');
    const privileged = await idsOf(awsQueries.privileged);
    expect(privileged).toContain('ssm-secret');
    expect(privileged).not.toContain('ssm-plain');
    expect(privileged).not.toContain('decrypt-by-service');
  });

  function categoryQueriesFor(d: CoverageDataset): Record<CoverageCategory, estypes.QueryDslQueryContainer> {
    const actions = d.actions;
    if (!actions) throw new Error('a log with actions');
    const pairs = rareCalls()
      .map((doc) => normalizeRecord(doc.document))
      .flatMap((r) => (r.ok && r.event.log === d.dataset ? [pair(r.event.service, r.event.action)] : []));
    return categoryQueries(d, actions, pairs);
  }
});
