import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSampleDay } from '../generate_sample_day';
import { listSampleFiles, logOf, readSampleFile, recordId, type SampleLog } from '../read_sample_day';
import { ecsDocumentsOfFiles, toEcs, type EcsDocument } from './index';

type Json = Record<string, unknown>;

const INDEX_OF_LOG: Record<SampleLog, string> = {
  cloudtrail: 'logs-aws.cloudtrail-default',
  'gcp-audit': 'logs-gcp.audit-default',
  'azure-activity': 'logs-azure.activitylogs-default',
  'azure-signin': 'logs-azure.signinlogs-default',
};

let dir: string;
let files: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecs-files-'));
  await generateSampleDay({ outDir: dir, events: 5000, seed: 3 });
  files = await listSampleFiles(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function convertAll(options?: Parameters<typeof ecsDocumentsOfFiles>[2]): Promise<{ docs: EcsDocument[]; summary: Awaited<ReturnType<typeof ecsDocumentsOfFiles>> }> {
  const docs: EcsDocument[] = [];
  const summary = await ecsDocumentsOfFiles(files, (d) => docs.push(d), options);
  return { docs, summary };
}

describe('ecsDocumentsOfFiles on a generated day', () => {
  it('turns every record of every file into one document, in the data stream of its log, under the provider event id', async () => {
    const { docs, summary } = await convertAll();
    const expected: Array<{ index: string; id: string }> = [];
    for (const file of files) {
      const log = logOf(file);
      for (const record of readSampleFile(file)) expected.push({ index: INDEX_OF_LOG[log], id: recordId(log, record) });
    }
    expect(summary).toEqual({ files: files.length, records: expected.length, documents: expected.length, skipped: 0, problems: 0 });
    expect(docs.map((d) => ({ index: d.index, id: d.id }))).toEqual(expected);
    expect(new Set(Object.values(INDEX_OF_LOG))).toEqual(new Set(docs.map((d) => d.index)));
  });

  it('gives each document of an index its own id', async () => {
    const { docs } = await convertAll();
    const keys = docs.map((d) => `${d.index}/${d.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic: the same files give the same documents', async () => {
    const first = (await convertAll()).docs.map((d) => JSON.stringify(d));
    const second = (await convertAll()).docs.map((d) => JSON.stringify(d));
    expect(second).toEqual(first);
  });

  it('leaves event.original out unless asked, and then keeps the record in it as the integration option does', async () => {
    const plain = (await convertAll()).docs;
    expect(plain.some((d) => (d.document.event as Json).original !== undefined)).toBe(false);
    const kept = (await convertAll({ keepOriginal: true, namespace: 'sample' })).docs;
    const records = files.flatMap((f) => readSampleFile(f));
    expect(kept).toHaveLength(records.length);
    kept.forEach((d, i) => {
      expect(JSON.parse((d.document.event as Json).original as string)).toEqual(records[i]);
      expect(d.document.tags).toEqual(['preserve_original_event']);
      expect(d.index.endsWith('-sample')).toBe(true);
      expect((d.document.data_stream as Json).namespace).toBe('sample');
    });
  });

  it('writes the fields every document of the streams carries', async () => {
    const { docs } = await convertAll();
    for (const d of docs) {
      const doc = d.document;
      const event = doc.event as Json;
      expect(typeof doc['@timestamp']).toBe('string');
      expect(Number.isNaN(Date.parse(doc['@timestamp'] as string))).toBe(false);
      expect(doc.ecs).toEqual({ version: '8.11.0' });
      expect(event.kind).toBe('event');
      expect(['success', 'failure', 'unknown', undefined]).toContain(event.outcome);
      expect(event.dataset).toBe((doc.data_stream as Json).dataset);
      expect(typeof event.action).toBe('string');
    }
  });
});

describe('toEcs', () => {
  it('has no document for what is not a supported raw record', () => {
    expect(toEcs(null)).toBeUndefined();
    expect(toEcs([{ eventName: 'x' }])).toBeUndefined();
    expect(toEcs('{"eventName":"x"}')).toBeUndefined();
    expect(toEcs({ message: 'hello' })).toBeUndefined();
  });

  it('drops what the integration pipelines drop: non-AuditLog entries, Entra audit records', () => {
    const dataAccess = { insertId: 'a', logName: 'projects/p/logs/cloudaudit.googleapis.com%2Fdata_access', protoPayload: { '@type': 'type.googleapis.com/google.cloud.audit.AuditLog', methodName: 'm' } };
    expect(toEcs(dataAccess)?.index).toBe('logs-gcp.audit-default');
    expect(toEcs({ ...dataAccess, protoPayload: { '@type': 'type.googleapis.com/google.cloud.bigquery.logging.v1.AuditData', methodName: 'm' } })).toBeUndefined();
    expect(toEcs({ category: 'AuditLogs', operationName: 'Add member to role', properties: { activityDisplayName: 'Add member to role' }, time: '2024-01-01T00:00:00Z' })).toBeUndefined();
  });

  it('does not change the record it converts', () => {
    const record = {
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', principalId: 'AIDA1', arn: 'arn:aws:iam::1:user/u', accountId: '1', userName: 'u', sessionContext: { sessionIssuer: {} } },
      eventTime: '2024-01-01T00:00:00Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      requestParameters: { userName: 'new', path: null },
      responseElements: null,
      eventID: 'e1',
    };
    const before = JSON.stringify(record);
    const doc = toEcs(record)?.document as Json;
    expect(JSON.stringify(record)).toBe(before);
    expect(((doc.aws as Json).cloudtrail as Json).request_parameters).toBe('{userName=new}');
    expect(doc.user).toEqual({ name: 'u', id: 'AIDA1', target: { name: 'new' } });
    expect(doc.related).toEqual({ user: ['new', 'AIDA1', 'u'] });
    expect(doc.event).toMatchObject({ action: 'CreateUser', provider: 'iam.amazonaws.com', category: ['iam'], type: ['user', 'creation'], outcome: 'success' });
  });
});
