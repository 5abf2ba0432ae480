import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATASETS, eventOf } from './dataset_fixtures';
import { normalizeRecord } from './index';

const dir = path.join(DATASETS, 'ecs/elastic-integrations/azure_signinlogs');
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown;

describe('Entra ID sign-in logs as Elastic indexes them (ECS)', () => {
  it('maps a service-principal sign-in and the token it issued', () => {
    const doc = (read('test-service-principal-signinlogs-sample.log-expected.EXCERPT_first_doc_only.json') as { expected: unknown[] }).expected[0];
    expect(eventOf(normalizeRecord(doc))).toMatchObject({
      encoding: 'ecs',
      id: 'd5935dca-86f2-4ac9-a42c-3593b00af801',
      action: 'SERVICEPRINCIPALSIGNIN',
      outcome: 'success',
      account: '4bbb79f7-5724-4c9e-95f3-de075f6ec090',
      actor: { type: 'service_account', id: 'b029d485-a308-4311-8720-fb3192e5284e', name: 'Terraform-Datadog-CLI', appId: '6131d760-7fda-4db5-8bb1-b771898e9f15' },
      minted: { kind: 'token', id: 'ZDU5MzVkY2EtODZmMi00YWM5LWE0MmMtMzU5M2IwMGFmODAx', target: 'Terraform-Datadog-CLI' },
      source: { ip: '1.128.3.4', asn: 1221 },
    });
  });

  it('maps a failed user sign-in and keeps geo from one enrichment only', () => {
    const e = eventOf(normalizeRecord(read('sample_event.json')));
    expect(e).toMatchObject({ action: 'SIGNIN', outcome: 'failure', errorCode: '50140', actor: { type: 'user', name: 'test@elastic.co' } });
    expect(e.source.geo?.country).toBe('AU'); // source.geo (GeoIP of 1.1.1.1), not the sign-in's own location
    expect(e.source.geo?.city).toBeUndefined();
  });
});
