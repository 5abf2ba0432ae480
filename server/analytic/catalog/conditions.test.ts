import { compileCondition, type EntryCondition } from './conditions';
import { awsEvent, gcpEvent } from './test_events';

const holds = (condition: EntryCondition, event = awsEvent('s', 'a', request)) => compileCondition(condition)(event);

const request = {
  bucketName: 'b',
  withDecryption: 'true',
  empty: '',
  emptyObject: {},
  ipPermissions: { items: [{ ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }, { cidrIp: '0.0.0.0/0' }] } }] },
  requestbody: '{"properties":{"pricingTier":"Free"}}',
};

describe('entry conditions', () => {
  it('tests presence, walking arrays along the path', () => {
    expect(holds({ path: 'bucketName', present: true })).toBe(true);
    expect(holds({ path: 'ipPermissions.items.ipRanges.items.cidrIp', present: true })).toBe(true);
    expect(holds({ path: 'missing', present: true })).toBe(false);
    expect(holds({ path: 'empty', present: true })).toBe(false);
    expect(holds({ path: 'emptyObject', present: true })).toBe(false);
    expect(holds({ path: 'missing', present: false })).toBe(true);
  });

  it('compares values loosely, as CloudTrail logs booleans either way', () => {
    expect(holds({ path: 'withDecryption', equals: true })).toBe(true);
    expect(holds({ path: 'withDecryption', equals: false })).toBe(false);
    expect(holds({ path: 'ipPermissions.items.ipRanges.items.cidrIp', equals: '0.0.0.0/0' })).toBe(true);
    expect(holds({ path: 'ipPermissions.items.ipRanges.items.cidrIp', equals: '192.168.0.0/16' })).toBe(false);
  });

  it('finds text anywhere under a path, ignoring case, including inside JSON strings', () => {
    expect(holds({ path: '', mentions: 'PRICINGTIER' })).toBe(true);
    expect(holds({ path: 'requestbody', mentions: 'free' })).toBe(true);
    expect(holds({ path: 'ipPermissions', mentions: '0.0.0.0/0' })).toBe(true);
    expect(holds({ path: 'bucketName', mentions: 'pricing' })).toBe(false);
  });

  it('combines conditions', () => {
    expect(holds({ not: { path: 'missing', present: true } })).toBe(true);
    expect(holds({ anyOf: [{ path: 'missing', present: true }, { path: 'bucketName', equals: 'b' }] })).toBe(true);
    expect(holds({ allOf: [{ path: 'missing', present: true }, { path: 'bucketName', equals: 'b' }] })).toBe(false);
  });

  it('does not match when the event has no request at all', () => {
    expect(holds({ path: 'bucketName', present: true }, awsEvent('s', 'a'))).toBe(false);
    expect(holds({ path: '', present: false }, awsEvent('s', 'a'))).toBe(true);
  });

  it('reads GCP details from the raw record, the ECS document, or event.original', () => {
    const delta = { instanceMetadataDelta: { addedMetadataKeys: ['startup-script'] } };
    const startup: EntryCondition = { in: 'details', path: '', mentions: 'startup-script' };
    expect(holds(startup, gcpEvent('compute.googleapis.com', 'm', {}, { raw: { protoPayload: { metadata: delta } } }))).toBe(true);
    expect(holds(startup, gcpEvent('compute.googleapis.com', 'm', {}, { raw: { gcp: { audit: { metadata: delta } } } }))).toBe(true);
    const original = JSON.stringify({ protoPayload: { metadata: delta } });
    expect(holds(startup, gcpEvent('compute.googleapis.com', 'm', {}, { raw: { event: { original } } }))).toBe(true);
    expect(holds(startup, gcpEvent('compute.googleapis.com', 'm', {}, { raw: { event: { original: 'not json' } } }))).toBe(false);
    // The normalizer merges protoPayload.metadata into the request.
    expect(holds(startup, gcpEvent('compute.googleapis.com', 'm', { ...delta, '@type': 'type.googleapis.com/compute.instances.setMetadata' }))).toBe(true);
    expect(holds({ path: '', mentions: 'startup-script' }, gcpEvent('compute.googleapis.com', 'm', {}, { raw: { protoPayload: { metadata: delta } } }))).toBe(false);
  });

  it('tells a direct call from one a provider service made on the principal\'s behalf', () => {
    const direct: EntryCondition = { caller: 'direct' };
    expect(holds(direct, awsEvent('kms.amazonaws.com', 'Decrypt'))).toBe(true);
    expect(holds(direct, awsEvent('kms.amazonaws.com', 'Decrypt', {}, { actor: { type: 'user', invokedBy: 'secretsmanager.amazonaws.com' } }))).toBe(false);
    expect(holds(direct, awsEvent('kms.amazonaws.com', 'Decrypt', {}, { source: { address: 'AWS Internal' } }))).toBe(false);
    expect(holds(direct, awsEvent('kms.amazonaws.com', 'Decrypt', {}, { actor: { type: 'service' } }))).toBe(false);
  });
});
