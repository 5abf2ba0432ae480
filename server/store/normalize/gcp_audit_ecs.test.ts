import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATASETS, eventOf } from './dataset_fixtures';
import { normalizeRecord } from './index';

const dir = path.join(DATASETS, 'ecs/elastic-integrations/gcp_audit');
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown;

describe('GCP audit logs as Elastic indexes them (ECS)', () => {
  it('maps the sample document of a full Elastic Agent ingest (client.user.* principal fields)', () => {
    const e = eventOf(normalizeRecord(read('sample_event.json')));
    expect(e).toMatchObject({
      encoding: 'ecs',
      id: 'yonau2dg2zi',
      time: Date.UTC(2019, 11, 19, 0, 44, 25, 51),
      service: 'compute.googleapis.com',
      action: 'beta.compute.instances.aggregatedList',
      outcome: 'success',
      account: 'elastic-beats',
      actor: { type: 'user', name: 'xxx@xxx.xxx' },
      source: { ip: '192.168.1.1' },
      resources: ['projects/elastic-beats/global/instances'],
    });
  });

  it('maps workload-identity impersonation: a federated principal minting a token for a service account', () => {
    const doc = (read('test-iamcredentials-googleapis-com.log-expected.json') as { expected: unknown[] }).expected[0];
    const e = eventOf(normalizeRecord(doc));
    expect(e).toMatchObject({
      action: 'GenerateAccessToken',
      readOnly: true,
      actor: { type: 'federated', id: 'principal://iam.googleapis.com/projects/project-id/locations/global/workloadIdentityPools/...' },
      minted: { kind: 'token', target: 'made-up-ci-account@project-id.iam.gserviceaccount.com' },
    });
    expect(e.request).toMatchObject({ identityDelegationChain: ['projects/-/serviceAccounts/made-up-ci-account@project-id.iam.gserviceaccount.com'] });
  });

  it('reads the newer user.* principal fields', () => {
    const doc = {
      '@timestamp': '2026-01-01T00:00:00.000Z',
      event: { action: 'google.iam.admin.v1.SetIAMPolicy', id: 'x1', outcome: 'success' },
      service: { name: 'iam.googleapis.com' },
      user: { email: 'ci@p.iam.gserviceaccount.com', id: 'serviceAccount:ci@p.iam.gserviceaccount.com' },
      gcp: { audit: { status: { code: 7 } } },
      data_stream: { dataset: 'gcp.audit' },
    };
    expect(eventOf(normalizeRecord(doc))).toMatchObject({
      actor: { type: 'service_account', name: 'ci@p.iam.gserviceaccount.com', id: 'serviceAccount:ci@p.iam.gserviceaccount.com' },
      outcome: 'failure',
      errorCode: 'PERMISSION_DENIED',
    });
  });
});
