/**
 * Each injected chain read back from the written files, the way an analyst would check the story: the credential
 * lineage it leaves, what is new about it for its identity, and that the identity had an ordinary day before it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSampleDay } from '../generate_sample_day';
import { listSampleFiles, logOf, readSampleFile, recordId, recordTime, type SampleLog } from '../read_sample_day';
import type { ChainLabel, SampleLabels } from '../types';

type Obj = Record<string, unknown>;
interface Rec {
  log: SampleLog;
  file: string;
  id: string;
  time: number;
  r: Obj;
}

const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

let dir: string;
let labels: SampleLabels;
let all: Rec[];
let attackIds: Set<string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sample-chains-'));
  labels = (await generateSampleDay({ outDir: dir, seed: 11, events: 20_000 })).labels;
  all = [];
  for (const file of await listSampleFiles(dir)) {
    const log = logOf(file);
    for (const r of readSampleFile(file)) all.push({ log, file, id: recordId(log, r), time: recordTime(log, r), r });
  }
  all.sort((a, b) => a.time - b.time);
  attackIds = new Set(labels.chains.flatMap((c) => c.eventIds));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function chain(id: string): { label: ChainLabel; events: Rec[] } {
  const label = labels.chains.find((c) => c.id === id);
  if (!label) throw new Error(`no chain ${id}`);
  const ids = new Set(label.eventIds);
  return { label, events: all.filter((e) => ids.has(e.id)) };
}

/** The root identity of a record, in the labels' format. */
function rootOf(e: Rec): string | undefined {
  if (e.log === 'cloudtrail') {
    const u = o(e.r.userIdentity);
    if (u.type === 'IAMUser') return s(u.arn);
    const sc = o(u.sessionContext);
    if (sc.ec2RoleDelivery) return `arn:aws:ec2:${s(e.r.awsRegion)}:${s(u.accountId)}:instance/${s(u.arn).split('/').pop()}`;
    return s(u.arn);
  }
  if (e.log === 'gcp-audit') return s(o(o(e.r.protoPayload).authenticationInfo).principalEmail);
  if (e.log === 'azure-signin') return s(o(e.r.properties).userPrincipalName).toLowerCase() || undefined;
  return s(o(o(e.r.identity).claims)['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn']).toLowerCase() || undefined;
}

const benignOf = (root: string): Rec[] => all.filter((e) => !attackIds.has(e.id) && rootOf(e) === root);
const ct = (e: Rec): Obj => e.r;
const name = (e: Rec): string => s(e.r.eventName);
const ua = (e: Rec): string => s(e.r.userAgent);
const ip = (e: Rec): string => s(e.r.sourceIPAddress);
const key = (e: Rec): string => s(o(e.r.userIdentity).accessKeyId);

describe('every chain', () => {
  it('happens after 10:00 UTC, in its provider, with the benign history of its root identity before it', () => {
    expect(labels.chains).toHaveLength(9);
    for (const c of labels.chains) {
      const { events } = chain(c.id);
      expect(events).toHaveLength(c.eventIds.length);
      expect(Date.parse(c.firstEventTime)).toBeGreaterThanOrEqual(Date.parse('2026-11-20T10:00:00Z'));
      expect(events.every((e) => (c.provider === 'aws' ? e.log === 'cloudtrail' : c.provider === 'gcp' ? e.log === 'gcp-audit' : e.log.startsWith('azure')))).toBe(true);
      const before = benignOf(c.rootIdentity).filter((e) => e.time < Date.parse(c.firstEventTime));
      expect({ chain: c.id, history: before.length >= 3 }).toEqual({ chain: c.id, history: true });
    }
  });

  it('has its own root identity and is interleaved with benign traffic in the same files', () => {
    expect(new Set(labels.chains.map((c) => c.rootIdentity)).size).toBe(9);
    for (const c of labels.chains) {
      const files = new Set(chain(c.id).events.map((e) => e.file));
      const benignInSameFiles = all.filter((e) => files.has(e.file) && !attackIds.has(e.id));
      expect({ chain: c.id, interleaved: benignInSameFiles.length > 0 }).toEqual({ chain: c.id, interleaved: true });
    }
  });
});

describe('aws-stolen-access-key', () => {
  it("uses the user's own long-term key from a new network and client, then reads secrets and mints a key for someone else", () => {
    const { label, events } = chain('aws-stolen-access-key');
    const morning = benignOf(label.rootIdentity).filter((e) => e.time < Date.parse(label.firstEventTime));
    const akia = key(events[0]);
    expect(akia).toMatch(/^AKIA/);
    expect(morning.some((e) => key(e) === akia)).toBe(true);
    expect(morning.every((e) => /aws-cli\/.* Darwin\//.test(ua(e)))).toBe(true);
    const usualIps = new Set(morning.map(ip));
    const direct = events.filter((e) => !o(ct(e).userIdentity).invokedBy);
    expect(direct.every((e) => key(e) === akia && !usualIps.has(ip(e)) && ua(e).startsWith('Boto3/'))).toBe(true);
    expect(name(events[0])).toBe('GetCallerIdentity');
    expect(events.filter((e) => e.r.errorCode === 'AccessDenied').length).toBeGreaterThan(0);
    expect(events.filter((e) => name(e) === 'GetSecretValue')).toHaveLength(2);
    const created = events.find((e) => name(e) === 'CreateAccessKey');
    expect(o(o(created?.r.responseElements).accessKey).userName).not.toBe('alice.nguyen');
  });
});

describe('aws-assume-role-chain-admin', () => {
  it('leaves a lineage from the user key through two AssumeRole hops to the IAM persistence calls', () => {
    const { events } = chain('aws-assume-role-chain-admin');
    const hops = events.filter((e) => name(e) === 'AssumeRole');
    expect(hops).toHaveLength(2);
    const [first, second] = hops;
    expect(o(ct(first).userIdentity).type).toBe('IAMUser');
    const k1 = s(o(o(ct(first).responseElements).credentials).accessKeyId);
    expect(o(ct(second).userIdentity)).toMatchObject({ type: 'AssumedRole', accessKeyId: k1 });
    expect(s(o(ct(second).requestParameters).roleArn)).toMatch(/:role\/dev-admin$/);
    const k2 = s(o(o(ct(second).responseElements).credentials).accessKeyId);
    const persistence = events.filter((e) => ['CreateUser', 'AttachUserPolicy', 'CreateAccessKey', 'CreateLoginProfile'].includes(name(e)));
    expect(persistence.map(name)).toEqual(['CreateUser', 'AttachUserPolicy', 'CreateAccessKey', 'CreateLoginProfile']);
    expect(persistence.every((e) => key(e) === k2)).toBe(true);
    expect(o(ct(persistence[1]).requestParameters).policyArn).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
  });

  it('comes from a network the user never used when he assumed the developer role in the morning', () => {
    const { label, events } = chain('aws-assume-role-chain-admin');
    const morning = benignOf(label.rootIdentity).filter((e) => e.time < Date.parse(label.firstEventTime));
    expect(morning.some((e) => name(e) === 'AssumeRole')).toBe(true);
    expect(new Set(morning.map(ip)).has(ip(events[0]))).toBe(false);
  });
});

describe('aws-instance-credentials-exfiltrated', () => {
  it('uses instance credentials minted by ec2.amazonaws.com, from outside AWS, while the instance keeps using them at home', () => {
    const { label, events } = chain('aws-instance-credentials-exfiltrated');
    const instanceId = label.rootIdentity.split('/').pop() ?? '';
    const stolen = key(events[0]);
    const mint = all.find((e) => e.log === 'cloudtrail' && name(e) === 'AssumeRole' && s(o(o(ct(e).responseElements).credentials).accessKeyId) === stolen);
    expect(mint).toBeDefined();
    expect(mint && o(ct(mint).userIdentity)).toEqual({ type: 'AWSService', invokedBy: 'ec2.amazonaws.com' });
    expect(mint && o(ct(mint).requestParameters).roleSessionName).toBe(instanceId);
    expect(mint && mint.time).toBeLessThan(Date.parse(label.firstEventTime));
    expect(events.every((e) => o(o(ct(e).userIdentity).sessionContext).ec2RoleDelivery === '2.0' && s(o(ct(e).userIdentity).arn).endsWith(`/${instanceId}`))).toBe(true);
    expect(events.every((e) => / Windows\//.test(ua(e)))).toBe(true);
    const home = benignOf(label.rootIdentity).filter((e) => key(e) === stolen);
    expect(home.length).toBeGreaterThan(0);
    expect(new Set(home.map(ip)).has(ip(events[0]))).toBe(false);
    expect(events.filter((e) => name(e) === 'GetObject' && e.r.eventCategory === 'Data').length).toBeGreaterThanOrEqual(4);
  });
});

describe('aws-console-cloudshell', () => {
  it('signs in without MFA where the user signed in with MFA, then acts from CloudShell with console credentials', () => {
    const { label, events } = chain('aws-console-cloudshell');
    const login = events[0];
    expect(name(login)).toBe('ConsoleLogin');
    expect(o(ct(login).additionalEventData).MFAUsed).toBe('No');
    const earlier = benignOf(label.rootIdentity).filter((e) => name(e) === 'ConsoleLogin');
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((e) => o(ct(e).additionalEventData).MFAUsed === 'Yes' && ip(e) !== ip(login))).toBe(true);
    expect(benignOf(label.rootIdentity).some((e) => s(ct(e).eventSource) === 'cloudshell.amazonaws.com')).toBe(false);
    expect(events.map(name)).toContain('CreateEnvironment');
    const shell = events.filter((e) => ua(e).includes('exec-env/CloudShell'));
    expect(shell.map(name)).toEqual(expect.arrayContaining(['CreateAccessKey', 'PutUserPolicy', 'AuthorizeSecurityGroupIngress']));
    expect(shell.every((e) => ct(e).sessionCredentialFromConsole === 'true')).toBe(true);
    const ingress = shell.find((e) => name(e) === 'AuthorizeSecurityGroupIngress');
    expect(JSON.stringify(ingress?.r.requestParameters)).toContain('"cidrIp":"0.0.0.0/0"');
  });
});

describe('aws-recon-then-logging-tamper', () => {
  it('enumerates many services with refusals from a new network, then stops and deletes logging and detection', () => {
    const { label, events } = chain('aws-recon-then-logging-tamper');
    const usual = benignOf(label.rootIdentity);
    expect(new Set(usual.map(ip)).has(ip(events[0]))).toBe(false);
    expect(usual.some((e) => ua(e) === ua(events[0]))).toBe(false);
    expect(events.filter((e) => e.r.errorCode).length).toBeGreaterThanOrEqual(5);
    expect(new Set(events.map((e) => s(ct(e).eventSource))).size).toBeGreaterThanOrEqual(8);
    const names = events.map(name);
    const stop = names.indexOf('StopLogging');
    expect(stop).toBeGreaterThan(10);
    expect(names.slice(stop)).toEqual(expect.arrayContaining(['StopLogging', 'DeleteTrail', 'DeleteDetector']));
  });
});

describe('gcp-cloudshell-privileged', () => {
  it('runs gcloud in Cloud Shell, never used before, to make an outside account owner and create a service-account key', () => {
    const { label, events } = chain('gcp-cloudshell-privileged');
    const agent = (e: Rec): string => s(o(o(e.r.protoPayload).requestMetadata).callerSuppliedUserAgent);
    expect(benignOf(label.rootIdentity).length).toBeGreaterThan(0);
    expect(benignOf(label.rootIdentity).some((e) => agent(e).includes('environment/devshell'))).toBe(false);
    expect(events.every((e) => agent(e).includes('environment/devshell'))).toBe(true);
    const set = events.find((e) => o(e.r.protoPayload).methodName === 'SetIamPolicy');
    const delta = o(o(o(set?.r.protoPayload).serviceData).policyDelta);
    expect(delta.bindingDeltas).toEqual([expect.objectContaining({ action: 'ADD', role: 'roles/owner', member: expect.stringMatching(/@gmail\.com$/) })]);
    expect(events.some((e) => o(e.r.protoPayload).methodName === 'google.iam.admin.v1.CreateServiceAccountKey')).toBe(true);
  });
});

describe('gcp-sa-impersonation-startup-script', () => {
  it('impersonates a service account that then adds a startup-script and resets the VM, naming the user as delegator', () => {
    const { label, events } = chain('gcp-sa-impersonation-startup-script');
    const pp = (e: Rec): Obj => o(e.r.protoPayload);
    const tokens = events.filter((e) => pp(e).methodName === 'GenerateAccessToken');
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((e) => s(e.r.logName).endsWith('%2Fdata_access') && o(pp(e).authenticationInfo).principalEmail === label.rootIdentity)).toBe(true);
    const setMetadata = events.filter((e) => pp(e).methodName === 'v1.compute.instances.setMetadata');
    expect(setMetadata.length).toBeGreaterThan(0);
    const first = setMetadata.find((e) => o(e.r.operation).first === true);
    expect(o(pp(first ?? setMetadata[0]).metadata).instanceMetadataDelta).toEqual({ addedMetadataKeys: ['startup-script'] });
    for (const e of setMetadata) {
      const auth = o(pp(e).authenticationInfo);
      expect(s(auth.principalEmail)).toMatch(/^deploy-admin@/);
      expect(auth.serviceAccountDelegationInfo).toEqual([{ firstPartyPrincipal: { principalEmail: label.rootIdentity } }]);
    }
    const reset = events.find((e) => pp(e).methodName === 'v1.compute.instances.reset');
    expect(reset && reset.time).toBeGreaterThan(setMetadata[0].time);
    const usual = benignOf(label.rootIdentity).map((e) => s(o(pp(e).requestMetadata).callerSuppliedUserAgent));
    expect(usual.length).toBeGreaterThan(0);
    expect(usual.every((u) => u.startsWith('Mozilla/'))).toBe(true);
  });
});

describe('azure-cloudshell-privileged', () => {
  it('signs in to the portal from a new country, opens Cloud Shell and makes an Owner role assignment', () => {
    const { label, events } = chain('azure-cloudshell-privileged');
    const signIn = events.find((e) => e.r.category === 'SignInLogs');
    const country = s(o(o(signIn?.r.properties).location).countryOrRegion);
    const usualCountries = new Set(benignOf(label.rootIdentity).filter((e) => e.log === 'azure-signin').map((e) => s(o(o(e.r.properties).location).countryOrRegion)));
    expect(usualCountries.size).toBeGreaterThan(0);
    expect(usualCountries.has(country)).toBe(false);
    const ops = events.filter((e) => e.log === 'azure-activity').map((e) => s(e.r.operationName));
    expect(ops).toEqual(expect.arrayContaining(['MICROSOFT.PORTAL/CONSOLES/WRITE', 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE', 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION']));
    const assignment = events.find((e) => e.r.operationName === 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE' && e.r.resultType === 'Start');
    expect(s(o(assignment?.r.properties).requestbody)).toContain('8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
  });
});

describe('azure-signin-new-location-runcommand', () => {
  it('ties RunCommand on two VMs to a non-browser sign-in from a new country and ASN through uti and ipaddr', () => {
    const { label, events } = chain('azure-signin-new-location-runcommand');
    const signIn = events.find((e) => e.log === 'azure-signin');
    const p = o(signIn?.r.properties);
    expect(p.clientAppUsed).not.toBe('Browser');
    const usual = benignOf(label.rootIdentity).filter((e) => e.log === 'azure-signin').map((e) => o(e.r.properties));
    expect(usual.length).toBeGreaterThan(0);
    expect(usual.some((u) => o(u.location).countryOrRegion === o(p.location).countryOrRegion)).toBe(false);
    expect(usual.some((u) => u.autonomousSystemNumber === p.autonomousSystemNumber)).toBe(false);
    const runs = events.filter((e) => e.r.operationName === 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION');
    expect(new Set(runs.map((e) => e.r.resourceId)).size).toBe(2);
    for (const e of runs) {
      const claims = o(o(e.r.identity).claims);
      expect(claims.uti).toBe(p.uniqueTokenIdentifier);
      expect(claims.ipaddr).toBe(p.ipAddress);
    }
  });
});

describe('benign novelties', () => {
  it('are labelled with their identities, which are not attack roots', () => {
    expect(labels.benignNovelties.length).toBeGreaterThanOrEqual(3);
    const roots = new Set(labels.chains.map((c) => c.rootIdentity));
    for (const n of labels.benignNovelties) {
      expect(roots.has(n.rootIdentity)).toBe(false);
      expect(benignOf(n.rootIdentity).length + all.filter((e) => s(o(o(o(e.r.userIdentity).sessionContext).sessionIssuer).arn) === n.rootIdentity).length).toBeGreaterThan(0);
    }
  });

  it('include an on-call CloudShell session that only reads, after an MFA sign-in', () => {
    const root = labels.benignNovelties.find((n) => n.id === 'aws-oncall-cloudshell-reads')?.rootIdentity ?? '';
    const shell = benignOf(root).filter((e) => ua(e).includes('exec-env/CloudShell'));
    expect(shell.length).toBeGreaterThan(0);
    expect(shell.every((e) => ct(e).readOnly === true)).toBe(true);
  });
});
