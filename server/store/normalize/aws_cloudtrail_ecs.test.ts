import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditEvent } from '../../../common/audit_event';
import { DATASETS, eventOf, valueAt, withoutFields } from './dataset_fixtures';
import { normalizeRecord } from './index';

function expected(name: string): unknown[] {
  const file = path.join(DATASETS, 'ecs/elastic-integrations/aws_cloudtrail', name);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { expected: unknown[] }).expected;
}

const normalized = (d: unknown): AuditEvent => eventOf(normalizeRecord(d));

describe('CloudTrail as Elastic indexes it (ECS)', () => {
  const [assumeRole] = expected('test-assume-role-json.log-expected.json');

  it('maps an AssumeRole document from its ECS fields', () => {
    const e = normalized(assumeRole);
    expect(e).toMatchObject({
      encoding: 'ecs',
      id: '1917948f-3042-46ec-98e2-62865EXAMPLE',
      time: Date.UTC(2019, 9, 2, 22, 12, 29),
      service: 'sts.amazonaws.com',
      action: 'AssumeRole',
      outcome: 'success',
      account: '111111111111',
      region: 'us-east-2',
      actor: { type: 'role', id: 'AROAIN5ATK5U7KEXAMPLE:JohnRole1', name: 'JohnDoe', sessionName: 'JohnRole1', mfa: false },
      credential: { id: 'AKIAI44QH8DHBEXAMPLE', kind: 'long_term', issuedAt: Date.UTC(2019, 9, 2, 21, 50, 54) },
      source: { ip: '81.2.69.144', geo: { country: 'GB', city: 'London' } },
    });
    expect(e.minted).toEqual({
      id: 'ASIAWHOJDLGPOEXAMPLE',
      kind: 'temporary',
      target: 'arn:aws:iam::111111111111:role/JohnRole2',
      sessionName: 'Role2WithTags',
      expiresAt: Date.UTC(2019, 9, 2, 23, 12, 29),
    });
    expect(e.raw).toBe(assumeRole);
  });

  it('finds the minted key in the response_elements text when there is no flattened copy', () => {
    const e = normalized(withoutFields(assumeRole, 'aws.cloudtrail.flattened', 'event.original'));
    expect(e.minted).toMatchObject({ id: 'ASIAWHOJDLGPOEXAMPLE', target: 'arn:aws:iam::111111111111:role/JohnRole2', sessionName: 'Role2WithTags' });
    expect(e.minted?.expiresAt).toBe(Date.UTC(2019, 9, 2, 23, 12, 29));
  });

  it('falls back to event.original only for what the pipeline did not keep', () => {
    const pipelineDropped = ['aws.cloudtrail.flattened', 'aws.cloudtrail.response_elements', 'aws.cloudtrail.request_parameters'];
    expect(normalized(withoutFields(assumeRole, ...pipelineDropped)).minted?.id).toBe('ASIAWHOJDLGPOEXAMPLE');
    expect(normalized(withoutFields(assumeRole, ...pipelineDropped, 'event.original')).minted?.id).toBeUndefined();
  });

  it('reads sourceIdentity and ec2RoleDelivery, which the pipeline drops, from event.original', () => {
    const doc = withoutFields(assumeRole);
    const event = doc.event as Record<string, unknown>;
    const original = JSON.parse(event.original as string) as unknown;
    const session = valueAt(original, 'userIdentity.sessionContext') as Record<string, unknown>;
    session.sourceIdentity = 'alice@example.com';
    session.ec2RoleDelivery = '2.0';
    event.original = JSON.stringify(original);
    const e = normalized(doc);
    expect(e.actor.human).toBe('alice@example.com');
    expect(e.credential?.kind).toBe('instance');
  });

  it('reads console logins: outcome from the response, MFA from the console-login fields', () => {
    const [success, failure, roleFailure] = expected('test-console-login-json.log-expected.json');
    expect(normalized(success)).toMatchObject({ outcome: 'success', actor: { type: 'user', name: 'JohnDoe', mfa: false }, minted: { kind: 'console' } });
    expect(normalized(failure)).toMatchObject({ outcome: 'failure', errorCode: 'Failed authentication' });
    expect(normalized(failure).minted).toBeUndefined();
    expect(normalized(roleFailure).actor).toMatchObject({ type: 'role', name: 'RoleToBeAssumed', sessionName: 'MySessionName' });
  });

  it('names the Identity Center user of a UserAuthentication event', () => {
    const [doc] = expected('test-user-authentication.log-expected.json');
    const e = normalized(doc);
    expect(e).toMatchObject({ action: 'UserAuthentication', outcome: 'success', actor: { type: 'federated', name: 'redacted@example.com', human: 'redacted@example.com' } });
    expect(e.source).toMatchObject({ address: 'redacted' });
    expect(e.source.ip).toBeUndefined();
  });

  it('takes SendCommand targets and request from the flattened request parameters', () => {
    const [doc] = expected('test-send-command-targets-json.log-expected.json');
    const e = normalized(doc);
    expect(e).toMatchObject({ action: 'SendCommand', readOnly: false, actor: { type: 'user', name: 'pwncloud-backdoor-user' }, source: { asn: 209 } });
    expect(e.request).toMatchObject({ documentName: 'EncryptFilesAndUploadRansomNote' });
  });

  it('rejects the empty-line document of a pipeline test with a reason', () => {
    const [, empty] = expected('test-start-session-json.log-expected.json');
    const result = normalizeRecord(empty);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^ECS document without a recognizable dataset/);
  });
});
