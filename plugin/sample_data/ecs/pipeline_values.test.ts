import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DATASETS } from '../../../server/store/normalize/dataset_fixtures';
import { CLOUDTRAIL_DROP, GCP_DROP, hashMapOrder, javaText, kept, KEEP_ALL } from './pipeline_values';

type Json = Record<string, unknown>;

const FIXTURES = path.join(DATASETS, 'ecs/elastic-integrations/aws_cloudtrail');

/** Elastic's CloudTrail pipeline-test outputs that keep their input in event.original. */
function cloudTrailFixtures(): Array<{ name: string; raw: Json; cloudtrail: Json }> {
  const out: Array<{ name: string; raw: Json; cloudtrail: Json }> = [];
  for (const name of ['test-assume-role-json.log-expected.json', 'test-console-login-json.log-expected.json', 'test-send-command-targets-json.log-expected.json', 'test-start-session-json.log-expected.json', 'test-user-authentication.log-expected.json']) {
    const docs = (JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as { expected: Json[] }).expected;
    docs.forEach((doc, i) => {
      const original = (doc.event as Json | undefined)?.original;
      if (typeof original !== 'string') return;
      out.push({ name: `${name} #${i + 1}`, raw: JSON.parse(original) as Json, cloudtrail: (doc.aws as Json).cloudtrail as Json });
    });
  }
  return out;
}

describe('Painless toString() text of CloudTrail payloads', () => {
  const fixtures = cloudTrailFixtures();

  it('covers the fixtures that store request, response and additional-data text', () => {
    const stored = fixtures.flatMap((f) => ['request_parameters', 'response_elements', 'additional_eventdata', 'service_event_details'].filter((k) => typeof f.cloudtrail[k] === 'string'));
    expect(stored.length).toBeGreaterThanOrEqual(12);
  });

  it.each(fixtures.map((f) => [f.name, f]))('%s: the text Elastic stored, character for character', (_name, f) => {
    const pairs: Array<[string, unknown]> = [
      ['request_parameters', f.raw.requestParameters],
      ['response_elements', f.raw.responseElements],
      ['service_event_details', f.raw.serviceEventDetails],
    ];
    for (const [field, logged] of pairs) {
      const expected = f.cloudtrail[field];
      expect(typeof expected === 'string' ? javaText(logged, CLOUDTRAIL_DROP) : undefined).toBe(expected);
    }
    // UserAuthentication: the pipeline moves UserName out of the additional data before printing it
    const additional = f.cloudtrail.additional_eventdata;
    const moved = f.raw.eventName === 'UserAuthentication' ? 'UserName' : undefined;
    expect(typeof additional === 'string' ? javaText(f.raw.additionalEventData, CLOUDTRAIL_DROP, moved) : undefined).toBe(additional);
  });

  it('orders keys as a java.util.HashMap sized by every key the record logged, nulls included', () => {
    // 31 keys logged, 9 of them null or empty: the table has 64 buckets, not the 32 that 22 keys would need
    const sendCommand = fixtures.find((f) => f.raw.eventName === 'SendCommand');
    const command = (sendCommand?.raw.responseElements as Json).command as Json;
    const keptKeys = Object.keys(kept(command, CLOUDTRAIL_DROP) as Json);
    expect(Object.keys(command)).toHaveLength(31);
    expect(keptKeys).toHaveLength(22);
    expect(hashMapOrder(keptKeys, 31)).not.toEqual(hashMapOrder(keptKeys, 22));
    expect(hashMapOrder(keptKeys, 31).slice(0, 3)).toEqual(['interactive', 'alarmConfiguration', 'deliveryTimedOutCount']);
  });

  it('prints numbers as Java does: integers plainly, doubles with a decimal point or an exponent', () => {
    expect(javaText({ a: 3600 }, CLOUDTRAIL_DROP)).toBe('{a=3600}');
    expect(javaText({ a: 0.5 }, CLOUDTRAIL_DROP)).toBe('{a=0.5}');
    expect(javaText({ a: 1.5e-7 }, CLOUDTRAIL_DROP)).toBe('{a=1.5E-7}');
    expect(javaText({ a: [true, 'x'] }, CLOUDTRAIL_DROP)).toBe('{a=[true, x]}');
  });

  it('prints null where no clean-up ran', () => {
    expect(javaText({ value: null }, KEEP_ALL)).toBe('{value=null}');
    expect(javaText({ value: null }, CLOUDTRAIL_DROP)).toBeUndefined();
  });
});

describe('the clean-up scripts', () => {
  it('CloudTrail drops null, empty, "-" and "none" values and what they leave empty', () => {
    const request = { a: null, b: '', c: '-', d: 'none', e: { f: {} }, g: [null, ''], h: 'kept', i: 0, j: false };
    expect(kept(request, CLOUDTRAIL_DROP)).toEqual({ h: 'kept', i: 0, j: false });
  });

  it('GCP keeps "-" and "none" but drops keys made of dots', () => {
    expect(kept({ '..': 'x', a: '-', b: 'none', c: null }, GCP_DROP)).toEqual({ a: '-', b: 'none' });
  });

  it('returns the same object when nothing is dropped, and copies only the branch that changes', () => {
    const untouched = { a: { b: [1, 2] }, c: 'x' };
    expect(kept(untouched, CLOUDTRAIL_DROP)).toBe(untouched);
    const record = { shared: { b: 1 }, changed: { c: null, d: 2 } };
    const cleaned = kept(record, CLOUDTRAIL_DROP) as Json;
    expect(cleaned).not.toBe(record);
    expect(cleaned.shared).toBe(record.shared);
    expect(cleaned.changed).toEqual({ d: 2 });
    expect(record.changed).toEqual({ c: null, d: 2 });
  });

  it('drops a value that is entirely empty', () => {
    expect(kept({ a: [{}], b: null }, CLOUDTRAIL_DROP)).toBeUndefined();
    expect(javaText({ a: null }, CLOUDTRAIL_DROP)).toBeUndefined();
  });
});
