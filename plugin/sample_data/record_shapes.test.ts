/**
 * The generated records against real ones: every record has the keys real records of its log always have, and no key
 * that real records of that log never have (except the few documented fields named below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSampleDay } from './generate_sample_day';
import { listSampleFiles, logOf, readSampleFile, type SampleLog, type SampleRecord } from './read_sample_day';

const DATASETS = path.resolve(__dirname, '../../../shared/datasets');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const keys = (v: unknown): string[] => (isObj(v) ? Object.keys(v) : []);

function ndjson(file: string): Obj[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Obj);
}
const pantherLogs = (file: string): Obj[] => ndjson(path.join(DATASETS, 'multi/panther-rule-tests', file)).map((c) => c.log as Obj);

/** Keys seen in real records, without Panther's own p_* enrichment fields. */
function union(records: Obj[], pick: (r: Obj) => unknown = (r) => r): Set<string> {
  const out = new Set<string>();
  for (const r of records) for (const k of keys(pick(r))) if (!k.startsWith('p_')) out.add(k);
  return out;
}
function intersection(records: Obj[], pick: (r: Obj) => unknown = (r) => r): Set<string> {
  const [first, ...rest] = records.map((r) => keys(pick(r)));
  return new Set((first ?? []).filter((k) => rest.every((ks) => ks.includes(k))));
}

const invictus: Obj[] = readdirSync(path.join(DATASETS, 'aws/invictus-ir-2023-07-10/CloudTrail')).flatMap(
  (f) => (JSON.parse(readFileSync(path.join(DATASETS, 'aws/invictus-ir-2023-07-10/CloudTrail', f), 'utf8')) as { Records: Obj[] }).Records,
);
const realCloudTrail = [...invictus, ...pantherLogs('panther_tests_aws_cloudtrail.ndjson')];
const realGcp = [
  ...pantherLogs('panther_tests_gcp_auditlog.ndjson'),
  ...((JSON.parse(readFileSync(path.join(DATASETS, 'ecs/elastic-integrations/gcp_audit/test-iamcredentials-googleapis-com.log-expected.json'), 'utf8')) as { expected: Obj[] }).expected.map(
    (d) => JSON.parse(String((d.event as Obj).original)) as Obj,
  )),
];
const rawActivity = ndjson(path.join(DATASETS, 'ecs/elastic-integrations/azure_activitylogs/test-activitylogs-raw.log'));
const realActivity = [...rawActivity, ...pantherLogs('panther_tests_azure_monitoractivity.ndjson')];
const rawSignIn = ndjson(path.join(DATASETS, 'ecs/elastic-integrations/azure_signinlogs/test-signinlogs-raw.log'));
const realSignIn = [...rawSignIn, ...pantherLogs('panther_tests_azure_audit_signin.ndjson').filter((r) => String(r.category).includes('SignIn'))];

let dir: string;
const generated = new Map<SampleLog, SampleRecord[]>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sample-shapes-'));
  await generateSampleDay({ outDir: dir, seed: 3, events: 20_000 });
  for (const file of await listSampleFiles(dir)) {
    const log = logOf(file);
    generated.set(log, [...(generated.get(log) ?? []), ...readSampleFile(file)]);
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function records(log: SampleLog): Obj[] {
  const r = generated.get(log) ?? [];
  expect(r.length).toBeGreaterThan(100);
  return r;
}

/** Keys missing from `required`, and keys outside `allowed`, over all records. */
function shapeProblems(recs: Obj[], pick: (r: Obj) => unknown, required: Set<string>, allowed: Set<string>): { missing: string[]; unknown: string[] } {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  for (const r of recs) {
    const v = pick(r);
    if (v === undefined) continue;
    const k = new Set(keys(v));
    for (const x of required) if (!k.has(x)) missing.add(x);
    for (const x of k) if (!allowed.has(x)) unknown.add(x);
  }
  return { missing: [...missing].sort(), unknown: [...unknown].sort() };
}

describe('CloudTrail records', () => {
  it('have every key that all real delivery-file records have, and only keys real records have', () => {
    const required = intersection(invictus);
    expect(required.size).toBeGreaterThan(12);
    expect(shapeProblems(records('cloudtrail'), (r) => r, required, union(realCloudTrail))).toEqual({ missing: [], unknown: [] });
  });

  it('have userIdentity and sessionContext shaped like real ones', () => {
    // identityProvider (SAMLUser / WebIdentityUser) and sourceIdentity are documented CloudTrail fields that the
    // datasets happen not to contain.
    const idAllowed = new Set([...union(realCloudTrail, (r) => r.userIdentity), 'identityProvider']);
    expect(shapeProblems(records('cloudtrail'), (r) => r.userIdentity, new Set(['type']), idAllowed).unknown).toEqual([]);
    const scAllowed = new Set([...union(realCloudTrail, (r) => (r.userIdentity as Obj)?.sessionContext), 'sourceIdentity']);
    const sc = shapeProblems(records('cloudtrail'), (r) => (r.userIdentity as Obj).sessionContext, new Set(['attributes', 'sessionIssuer', 'webIdFederationData']), scAllowed);
    expect(sc).toEqual({ missing: [], unknown: [] });
    const tls = union(invictus, (r) => r.tlsDetails);
    expect(shapeProblems(records('cloudtrail'), (r) => r.tlsDetails, tls, tls)).toEqual({ missing: [], unknown: [] });
  });

  it('use real identifier formats and a recent eventVersion', () => {
    const bad = records('cloudtrail').filter((r) => {
      const id = r.userIdentity as Obj;
      const key = id.accessKeyId;
      return (
        !/^1\.(0[89]|1\d)$/.test(String(r.eventVersion)) ||
        !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(r.eventID)) ||
        !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(String(r.eventTime)) ||
        (key !== undefined && !/^(AKIA|ASIA)[A-Z2-7]{16}$/.test(String(key)))
      );
    });
    expect(bad).toEqual([]);
  });

  it('return minted credentials the way STS and IAM do', () => {
    const minted = records('cloudtrail').filter((r) => String(r.eventName).startsWith('AssumeRole') && !r.errorCode);
    expect(minted.length).toBeGreaterThan(10);
    for (const r of minted) {
      const creds = (r.responseElements as Obj).credentials as Obj;
      expect(creds.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(creds.expiration).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d:\d\d [AP]M$/);
    }
    const keys = records('cloudtrail').filter((r) => r.eventName === 'CreateAccessKey');
    expect(keys.length).toBeGreaterThan(0);
    for (const r of keys) expect(((r.responseElements as Obj).accessKey as Obj).accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it('mark console and CloudShell calls with sessionCredentialFromConsole', () => {
    const shell = records('cloudtrail').filter((r) => String(r.userAgent).includes('exec-env/CloudShell'));
    expect(shell.length).toBeGreaterThan(0);
    expect(shell.filter((r) => r.sessionCredentialFromConsole !== 'true')).toEqual([]);
  });
});

describe('GCP audit log entries', () => {
  it('have the LogEntry keys a real entry has, and only keys real entries have', () => {
    const required = new Set(['insertId', 'logName', 'protoPayload', 'receiveTimestamp', 'resource', 'severity', 'timestamp']);
    expect(shapeProblems(records('gcp-audit'), (r) => r, required, union(realGcp))).toEqual({ missing: [], unknown: [] });
  });

  it('have AuditLog payloads shaped like real ones', () => {
    // numResponseItems is the AuditLog field behind Elastic's gcp.audit.num_response_items (see its sample event).
    const allowed = new Set([...union(realGcp, (r) => r.protoPayload), 'numResponseItems']);
    const required = new Set(['@type', 'authenticationInfo', 'methodName', 'requestMetadata', 'resourceName', 'serviceName', 'status']);
    expect(shapeProblems(records('gcp-audit'), (r) => r.protoPayload, required, allowed)).toEqual({ missing: [], unknown: [] });
    const auth = new Set([...union(realGcp, (r) => (r.protoPayload as Obj)?.authenticationInfo), 'serviceAccountKeyName']);
    expect(shapeProblems(records('gcp-audit'), (r) => (r.protoPayload as Obj).authenticationInfo, new Set(['principalSubject']), auth).unknown).toEqual([]);
  });

  it('name the log, project and audit type consistently', () => {
    const bad = records('gcp-audit').filter((r) => {
      const p = r.protoPayload as Obj;
      const project = ((r.resource as Obj).labels as Obj).project_id;
      return p['@type'] !== 'type.googleapis.com/google.cloud.audit.AuditLog' || !new RegExp(`^projects/${String(project)}/logs/cloudaudit\\.googleapis\\.com%2F(activity|data_access)$`).test(String(r.logName));
    });
    expect(bad).toEqual([]);
  });
});

describe('Azure Activity log records', () => {
  it('have the keys of a real Administrative record, and only keys real records have (plus eventDataId)', () => {
    const required = new Set(keys(rawActivity[0]));
    const allowed = new Set([...union(realActivity), 'eventDataId']);
    expect(shapeProblems(records('azure-activity'), (r) => r, required, allowed)).toEqual({ missing: [], unknown: [] });
  });

  it('carry the same eventDataId at the top level and in properties, and token claims with uti and ipaddr', () => {
    const bad = records('azure-activity').filter((r) => {
      const claims = (r.identity as Obj).claims as Obj;
      return r.eventDataId !== (r.properties as Obj).eventDataId || typeof claims.uti !== 'string' || (claims.idtyp === 'user' && typeof claims.ipaddr !== 'string');
    });
    expect(bad).toEqual([]);
  });

  it('log each operation as Start then Success under one correlation id', () => {
    const byCorrelation = new Map<string, string[]>();
    for (const r of records('azure-activity')) byCorrelation.set(String(r.correlationId), [...(byCorrelation.get(String(r.correlationId)) ?? []), String(r.resultType)]);
    const odd = [...byCorrelation.values()].filter((types) => types.join(',') !== 'Start,Success');
    expect(odd).toEqual([]);
  });
});

describe('Entra ID sign-in records', () => {
  it('have the keys real sign-in records have', () => {
    // resultDescription only appears on failed sign-ins (the raw samples are all failures).
    const required = new Set([...intersection(rawSignIn)].filter((k) => k !== 'resultDescription'));
    expect(shapeProblems(records('azure-signin'), (r) => r, required, union(realSignIn))).toEqual({ missing: [], unknown: [] });
  });

  it('have properties shaped like real ones', () => {
    const allowed = union(realSignIn, (r) => r.properties);
    const recs = records('azure-signin');
    expect(shapeProblems(recs, (r) => r.properties, new Set(['id', 'createdDateTime', 'appId', 'correlationId', 'status', 'uniqueTokenIdentifier']), allowed)).toEqual({ missing: [], unknown: [] });
    const userRequired = new Set([...intersection(rawSignIn, (r) => r.properties)].filter((k) => k !== 'servicePrincipalId'));
    const users = recs.filter((r) => r.category === 'SignInLogs' || r.category === 'NonInteractiveUserSignInLogs');
    expect(users.length).toBeGreaterThan(50);
    expect(shapeProblems(users, (r) => r.properties, userRequired, allowed).missing).toEqual([]);
  });

  it('cover the four sign-in categories', () => {
    expect(new Set(records('azure-signin').map((r) => r.category))).toEqual(
      new Set(['SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs']),
    );
  });
});
