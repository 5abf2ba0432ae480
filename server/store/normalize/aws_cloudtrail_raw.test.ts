import type { AuditEvent } from '../../../common/audit_event';
import { eventOf, invictusRecords, otrfRecords, pantherRecords } from './dataset_fixtures';
import { normalizeRecord } from './index';

const invictus = invictusRecords().map((d) => eventOf(normalizeRecord(d.record, d.origin)));
const otrf = otrfRecords().map((d) => eventOf(normalizeRecord(d.record, d.origin)));

/** A minimal CloudTrail record; tests override what they exercise. */
function trail(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    eventTime: '2024-05-01T10:00:00Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    eventID: 'e-1',
    recipientAccountId: '111122223333',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: 'arn:aws:iam::111122223333:user/alice',
      accountId: '111122223333',
      accessKeyId: 'AKIAEXAMPLE',
      userName: 'alice',
    },
    ...overrides,
  };
}

function normalized(record: unknown): AuditEvent {
  return eventOf(normalizeRecord(record));
}

describe('raw CloudTrail: invictus-ir attack simulation (S3 delivery files)', () => {
  const mintedByBertJan = invictus.filter((e) => e.action === 'AssumeRole' && e.actor.name === 'bert-jan' && e.outcome === 'success');

  it('normalizes every record with its eventID and eventTime', () => {
    expect(invictus).toHaveLength(2900);
    expect(invictus.every((e) => e.time !== null && e.id.length === 36)).toBe(true);
  });

  it("gives bert-jan's successful AssumeRole calls the ASIA key they minted, for the role and session requested", () => {
    expect(mintedByBertJan.length).toBe(10);
    for (const e of mintedByBertJan) {
      expect(e.actor).toMatchObject({ type: 'user', id: 'AIDATFQR7NSC5AU2ZV3IE' });
      expect(e.credential).toEqual({ id: 'AKIATFQR7NSC8Q4X20BJ', kind: 'long_term' });
      expect(e.minted?.kind).toBe('temporary');
      expect(e.minted?.id).toMatch(/^ASIA/);
      expect(e.minted?.target).toMatch(/^arn:aws:iam::123837392027:role\//);
      expect(e.minted?.expiresAt).toBeGreaterThan(e.time as number);
    }
  });

  it('lets GetPasswordData calls be traced to the minting AssumeRole through their temporary key', () => {
    const minted = new Set(mintedByBertJan.map((e) => e.minted?.id));
    const passwordData = invictus.filter((e) => e.action === 'GetPasswordData');
    expect(passwordData.length).toBe(29);
    for (const e of passwordData) {
      expect(e.credential?.kind).toBe('temporary');
      expect(minted.has(e.credential?.id)).toBe(true);
      expect(e.actor).toMatchObject({ type: 'role', name: 'stratus-red-team-ec2-get-password-data-role' });
    }
  });

  it('does not mint anything for a denied AssumeRole', () => {
    const denied = invictus.filter((e) => e.action === 'AssumeRole' && e.errorCode === 'AccessDenied');
    expect(denied.length).toBeGreaterThan(0);
    for (const e of denied) {
      expect(e.outcome).toBe('failure');
      expect(e.minted).toBeUndefined();
    }
  });

  it('records console logins as console credentials, with MFA as reported by MFAUsed', () => {
    const logins = invictus.filter((e) => e.action === 'ConsoleLogin');
    expect(logins.map((e) => [e.actor.name, e.actor.mfa, e.minted?.kind])).toEqual(
      expect.arrayContaining([
        ['bert-jan', true, 'console'],
        ['stratus-red-team-nmfalu-gfjyeaypjt', false, 'console'],
      ]),
    );
  });

  it('records CreateAccessKey as a new long-term key for the user named in the request', () => {
    const created = invictus.filter((e) => e.action === 'CreateAccessKey').map((e) => e.minted);
    expect(created).toEqual(
      expect.arrayContaining([
        { kind: 'long_term', id: 'AKIATFQR7NSC3ZO6PKAZ', target: 'stratus-red-team-backdoor-u-user' },
        { kind: 'long_term', id: 'AKIATFQR7NSCQLA2F4OD', target: 'malicious-iam-user' },
      ]),
    );
  });

  it('treats service events without a userIdentity type as the invoking service', () => {
    const secretDeletes = invictus.filter((e) => e.action === 'StartSecretVersionDelete');
    expect(secretDeletes.length).toBe(20);
    for (const e of secretDeletes) expect(e.actor).toMatchObject({ type: 'service', name: 'secretsmanager.amazonaws.com' });
  });

  it('keeps caller names that are not IPs out of source.ip', () => {
    const internal = invictus.filter((e) => e.source.address === 'AWS Internal');
    expect(internal.length).toBe(170);
    expect(internal.every((e) => e.source.ip === undefined)).toBe(true);
  });
});

describe('raw CloudTrail: OTRF stolen EC2 instance credentials (Logstash NDJSON, no eventTime)', () => {
  const waf = otrf.filter((e) => e.actor.arn?.includes('BankingWAFRole'));

  it('takes the time of every record from @timestamp', () => {
    const raw = otrfRecords().map((d) => (d.record as { '@timestamp': string })['@timestamp']);
    expect(otrf).toHaveLength(103);
    otrf.forEach((e, i) => expect(e.time).toBe(Date.parse(raw[i])));
  });

  it("marks the attacker's calls as made with instance credentials of session i-0317f6c6b66ae9c40", () => {
    expect(waf).toHaveLength(11);
    for (const e of waf) {
      expect(e.credential).toMatchObject({ id: 'ASIA5FLZVX4OPVKKVBMX', kind: 'instance' });
      expect(e.actor).toMatchObject({ type: 'role', sessionName: 'i-0317f6c6b66ae9c40', name: 'MordorNginxStack-BankingWAFRole-9S3E0UAE1MM0' });
      expect(e.source.ip).toBe('1.2.3.4');
    }
  });

  it('finds the instance-profile delivery that minted the stolen key, expiring when the metadata service said', () => {
    const delivery = otrf.find((e) => e.minted?.id === 'ASIA5FLZVX4OPVKKVBMX');
    expect(delivery).toMatchObject({ action: 'AssumeRole', actor: { type: 'service', invokedBy: 'ec2.amazonaws.com' } });
    expect(delivery?.minted).toEqual({
      id: 'ASIA5FLZVX4OPVKKVBMX',
      kind: 'instance',
      target: 'arn:aws:iam::123456789123:role/MordorNginxStack-BankingWAFRole-9S3E0UAE1MM0',
      sessionName: 'i-0317f6c6b66ae9c40',
      expiresAt: Date.parse('2020-09-14T07:10:27Z'), // the IMDS response in SDAWS-200914011940.yaml
    });
    expect(delivery?.source).toEqual({ address: 'ec2.amazonaws.com', userAgent: 'ec2.amazonaws.com' });
  });

  it("sees pedro as an IAM user working with a temporary ASIA key", () => {
    const pedro = otrf.filter((e) => e.actor.name === 'pedro');
    expect(pedro).toHaveLength(87);
    for (const e of pedro) {
      expect(e.actor.type).toBe('user');
      expect(e.credential?.id).toMatch(/^ASIA/);
      expect(e.credential?.kind).toBe('temporary');
      expect(e.actor.mfa).toBe(true);
    }
  });
});

describe('raw CloudTrail: Panther fixtures', () => {
  const records = pantherRecords().filter((d) => d.panther?.logType === 'AWS.CloudTrail');

  it('reads lower-cased keys and zone-less times', () => {
    const lower = records.find((d) => (d.record as Record<string, unknown>).eventname === 'GetAccountPasswordPolicy');
    const e = normalized(lower?.record);
    expect(e).toMatchObject({ service: 'iam.amazonaws.com', action: 'GetAccountPasswordPolicy', region: 'us-east-1', time: Date.UTC(2023, 0, 10, 23, 10, 6) });
  });

  it('uses p_event_time only when the record has no time of its own', () => {
    const noTime = records.find((d) => {
      const r = d.record as Record<string, unknown>;
      return r.eventTime === undefined && r.eventtime === undefined && typeof r.p_event_time === 'string' && r.eventSource !== undefined;
    });
    const r = noTime?.record as Record<string, string>;
    expect(normalized(r).time).toBe(Date.parse(`${r.p_event_time.slice(0, 19).replace(' ', 'T')}Z`));
    expect(normalized(trail({ p_event_time: '2030-01-01 00:00:00.000' })).time).toBe(Date.UTC(2024, 4, 1, 10));
  });

  it('recognizes root sessions', () => {
    const root = records.map((d) => normalizeRecord(d.record)).find((r) => r.ok && r.event.actor.type === 'root');
    expect(root?.ok && root.event.actor.name).toBe('root');
  });
});

describe('raw CloudTrail: field semantics on hand-made records', () => {
  it('classifies credentials: console session, long-term key, temporary key', () => {
    const consoleCall = normalized(
      trail({ sessionCredentialFromConsole: 'true', userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: 'ASIAXYZ' } }),
    );
    expect(consoleCall.credential).toEqual({ id: 'ASIAXYZ', kind: 'console', fromConsole: true });
    expect(normalized(trail({})).credential).toEqual({ id: 'AKIAEXAMPLE', kind: 'long_term' });
  });

  it('recognizes instance credentials by ec2RoleDelivery even when the session is not named after the instance', () => {
    const e = normalized(
      trail({
        userIdentity: {
          type: 'AssumedRole',
          arn: 'arn:aws:sts::1:assumed-role/AppRole/custom-session',
          accessKeyId: 'ASIAINST',
          sessionContext: { ec2RoleDelivery: '2.0', sessionIssuer: { arn: 'arn:aws:iam::1:role/AppRole', userName: 'AppRole' } },
        },
      }),
    );
    expect(e.credential?.kind).toBe('instance');
    expect(e.actor).toMatchObject({ type: 'role', name: 'AppRole', sessionName: 'custom-session', issuer: 'arn:aws:iam::1:role/AppRole' });
  });

  it('carries sourceIdentity as the human behind a role session and into the credentials it mints', () => {
    const e = normalized(
      trail({
        eventName: 'AssumeRole',
        userIdentity: {
          type: 'AssumedRole',
          arn: 'arn:aws:sts::1:assumed-role/Hop1/s1',
          accessKeyId: 'ASIAHOP1',
          sessionContext: { sourceIdentity: 'alice@example.com', sessionIssuer: { userName: 'Hop1' } },
        },
        requestParameters: { roleArn: 'arn:aws:iam::2:role/Hop2', roleSessionName: 's2', sourceIdentity: 'alice@example.com' },
        responseElements: { credentials: { accessKeyId: 'ASIAHOP2', expiration: '2024-05-01T11:00:00Z' } },
      }),
    );
    expect(e.actor.human).toBe('alice@example.com');
    expect(e.minted).toEqual({
      id: 'ASIAHOP2',
      kind: 'temporary',
      target: 'arn:aws:iam::2:role/Hop2',
      sessionName: 's2',
      expiresAt: Date.UTC(2024, 4, 1, 11),
      sourceIdentity: 'alice@example.com',
    });
  });

  it('names the IAM Identity Center user behind a permission-set role session', () => {
    const e = normalized(
      trail({
        userIdentity: {
          type: 'AssumedRole',
          arn: 'arn:aws:sts::1:assumed-role/AWSReservedSSO_Admin_abc/jane@example.com',
          sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::1:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_abc', userName: 'AWSReservedSSO_Admin_abc' } },
        },
      }),
    );
    expect(e.actor.human).toBe('jane@example.com');
  });

  it('gives GetSessionToken the caller as target and GetFederationToken the federated user', () => {
    expect(normalized(trail({ eventName: 'GetSessionToken', responseElements: { credentials: { accessKeyId: 'ASIAGST' } } })).minted).toEqual({
      id: 'ASIAGST',
      kind: 'temporary',
      target: 'arn:aws:iam::111122223333:user/alice',
    });
    const federation = normalized(
      trail({
        eventName: 'GetFederationToken',
        requestParameters: { name: 'bob' },
        responseElements: { credentials: { accessKeyId: 'ASIAFED' }, federatedUser: { arn: 'arn:aws:sts::111122223333:federated-user/bob' } },
      }),
    );
    expect(federation.minted?.target).toBe('arn:aws:sts::111122223333:federated-user/bob');
  });

  it('reads a failed console login from its response, and does not mint a session for it', () => {
    const e = normalized(trail({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: 'Failure' }, errorMessage: 'Failed authentication' }));
    expect(e).toMatchObject({ outcome: 'failure', errorCode: 'Failed authentication' });
    expect(e.minted).toBeUndefined();
  });

  it('parses requestParameters logged as JSON text', () => {
    const e = normalized(trail({ eventName: 'AttachRolePolicy', requestParameters: '{"roleName":"r","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}' }));
    expect(e.request).toEqual({ roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(e.resources).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
  });

  it('derives a stable id when eventID is missing', () => {
    const a = normalized(trail({ eventID: undefined }));
    const b = normalized(trail({ eventID: undefined }));
    expect(a.id).toMatch(/^derived:/);
    expect(a.id).toBe(b.id);
    expect(normalized(trail({ eventID: undefined, eventName: 'ListUsers' })).id).not.toBe(a.id);
  });

  it('says which field is missing instead of guessing', () => {
    expect(normalizeRecord(trail({ eventName: undefined }))).toEqual({ ok: false, reason: 'CloudTrail record without eventName' });
    expect(normalizeRecord(trail({ eventSource: undefined, eventName: 'DeleteBucket' }))).toEqual({
      ok: false,
      reason: 'CloudTrail record without eventSource (eventName DeleteBucket)',
    });
  });
});
