import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATASETS, eventOf } from './dataset_fixtures';
import { normalizeRecord } from './index';

const dir = path.join(DATASETS, 'ecs/elastic-integrations/azure_activitylogs');
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown;

describe('Azure Activity log as Elastic indexes it (ECS)', () => {
  it('maps the sample document: claims with underscored names, evidence, subscription, token id', () => {
    const e = eventOf(normalizeRecord(read('sample_event.json')));
    expect(e).toMatchObject({
      encoding: 'ecs',
      time: Date.UTC(2020, 10, 2, 8, 51, 36, 997),
      service: 'MICROSOFT.RESOURCES',
      action: 'MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE',
      outcome: 'success',
      readOnly: false,
      account: '3f041b6d-fc31-41d8-8ff6-e5f16e6747ff',
      actor: {
        type: 'user',
        id: '68b1adf9-3eb7-44b0-8eb8-ce96522a08d3',
        name: 'john@gmail.com',
        account: '4fa94b7d-a743-486f-abcc-6c276c44cf4b',
        appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      },
      credential: { id: 'rqr63RW_Kk6ztuomENMQAA', kind: 'token' },
    });
  });

  it('maps an older (ECS 1.10) document with top-level geo', () => {
    const doc = (read('test-activitylogs-raw.log-expected.json') as { expected: unknown[] }).expected[0];
    const e = eventOf(normalizeRecord(doc));
    expect(e).toMatchObject({ outcome: 'unknown', actor: { type: 'service_account' }, source: { ip: '51.251.141.41', geo: { country: 'GB' } } });
  });
});
