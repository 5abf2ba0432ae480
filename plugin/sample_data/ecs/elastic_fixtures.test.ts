/**
 * The converter against Elastic's own output. Each pipeline-test fixture in ../shared/datasets/ecs keeps its raw
 * input in event.original: converting that input must give the fixture's fields and values, apart from what needs
 * Elasticsearch's databases (GeoIP, user-agent parsing), the ingest clock, opt-in scripts, and what changed since the
 * fixture's pipeline version (each listed with the change). Then the documents of a generated day must use the key
 * paths the real documents of their data stream use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ecsRecords } from '../../../server/store/normalize/dataset_fixtures';
import { generateSampleDay } from '../generate_sample_day';
import { canonical } from './event_comparison';
import { ecsDocumentsOfFiles, toEcs } from './index';
import { listSampleFiles } from '../read_sample_day';

type Json = Record<string, unknown>;

function isMap(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Leaf paths of a document (lists are leaves); `stopAt` prefixes are not descended into. */
function leaves(doc: unknown, stopAt: readonly string[] = []): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, p: string): void => {
    if (stopAt.includes(p) || !isMap(v)) {
      out.set(p, v);
      return;
    }
    for (const key of Object.keys(v)) walk(v[key], p === '' ? key : `${p}.${key}`);
  };
  walk(doc, '');
  return out;
}

function under(p: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}.`));
}

/** Written by Elasticsearch's GeoIP and user-agent databases, the ingest clock or Fleet: not by the pipeline's logic. */
const NOT_REPRODUCED = [
  'source.geo', 'source.as', 'user_agent.name', 'user_agent.version', 'user_agent.os', 'user_agent.device',
  'event.created', 'event.ingested', 'event.original', 'tags', 'agent', 'elastic_agent', 'input', 'event.agent_id_status',
];

/** The CloudTrail and GCP entity scripts run only for documents tagged `actor_target_mapping` (opt-in). */
const ENTITY_SCRIPT = ['actor.entity', 'target.entity', 'user.entity', 'host', 'service.entity', 'service.target', 'entity'];

/** Set by the data stream (Fleet), which pipeline-test output lacks. */
const ENVELOPE = ['data_stream', 'event.dataset'];

interface VersionChange {
  paths: string[];
  why: string;
}

/** What the current pipelines write differently from the (older) pipeline a fixture was made with. */
const VERSION_CHANGES: Record<string, VersionChange[]> = {
  'test-assume-role-json.log-expected.json': [
    { paths: ['user.changes.name', 'related.user'], why: 'the session name of assumed roles goes to user.changes.name and related.user (elastic/integrations#15601)' },
  ],
  'test-console-login-json.log-expected.json': [
    { paths: ['user.changes.name', 'related.user'], why: 'related.user now also lists user.id and user.changes.name' },
  ],
  'test-get-caller-identity-json.log-expected.json': [
    { paths: ['event.category', 'related.user'], why: 'GetCallerIdentity joined the categorization table; related.user lists user.id' },
  ],
  'test-user-authentication.log-expected.json': [
    { paths: ['user.id', 'related.user'], why: 'IdentityCenterUser: userIdentity.onBehalfOf.userId becomes user.id' },
  ],
  'test-iamcredentials-googleapis-com.log-expected.json': [
    { paths: ['user.id', 'gcp.audit.receive_timestamp', 'gcp.audit.resource.type'], why: 'principalSubject is also user.id; receiveTimestamp and resource.type are kept' },
  ],
  'test-activitylogs-raw.log-expected.json': [
    { paths: ['ecs.version'], why: 'ECS 1.10 then, 8.11 now' },
    { paths: ['geo'], why: 'a GeoIP lookup into `geo` replaced geo.name (location); GeoIP is not reproduced' },
    { paths: ['related.entity', 'cloud.account.id', 'cloud.resource_id', 'azure.resource_group.name', 'azure.resource_provider.namespace', 'azure.correlation.id'], why: 'written since the ECS 8.11 version' },
  ],
  'sample_event.json': [
    { paths: ['ecs.version'], why: 'ECS 1.11 then, 8.11 now' },
    { paths: ['geo.country_name', 'geo.region_name'], why: 'properties.location.state now goes to geo.region_name' },
    { paths: ['azure.signinlogs.caller_ip_address'], why: 'the caller address now stays next to source.address' },
    {
      paths: ['azure.signinlogs.properties.service_principal_id', 'azure.signinlogs.properties.device_detail.device_id', 'azure.signinlogs.properties.token_issuer_name'],
      why: 'empty strings are now dropped',
    },
  ],
};

const fixtures = ecsRecords()
  .filter((d) => isMap(d.record) && isMap(d.record.event) && typeof d.record.event.original === 'string')
  .map((d) => ({ file: path.basename(d.origin.file ?? ''), line: d.origin.line, doc: d.record as Json }));

function allowedChange(file: string, p: string): boolean {
  return (VERSION_CHANGES[file] ?? []).some((c) => under(p, c.paths));
}

describe("Elastic's pipeline-test fixtures, converted from their event.original", () => {
  it('cover the four data streams', () => {
    const streams = new Set(fixtures.map((f) => toEcs(JSON.parse((f.doc.event as Json).original as string))?.index));
    expect(streams).toEqual(new Set(['logs-aws.cloudtrail-default', 'logs-gcp.audit-default', 'logs-azure.activitylogs-default', 'logs-azure.signinlogs-default']));
  });

  it.each(fixtures.map((f) => [`${f.file} #${f.line}`, f]))('%s: same fields, same values', (_name, f) => {
    const converted = toEcs(JSON.parse((f.doc.event as Json).original as string));
    expect(converted).toBeDefined();
    const dataset = String((converted?.document.data_stream as Json).dataset);
    const ignored = [...NOT_REPRODUCED, ...(dataset.startsWith('azure') ? [] : [...ENTITY_SCRIPT, 'related.entity'])];
    const elastic = leaves(f.doc);
    const mine = leaves(converted?.document);
    const problems: string[] = [];
    for (const [p, v] of elastic) {
      if (under(p, ignored) || allowedChange(f.file, p)) continue;
      if (!mine.has(p)) problems.push(`missing ${p}`);
      else if (canonical(mine.get(p)) !== canonical(v)) problems.push(`${p}: elastic ${canonical(v)} / converted ${canonical(mine.get(p))}`);
    }
    for (const p of mine.keys()) {
      if (!elastic.has(p) && !under(p, [...ENVELOPE, ...NOT_REPRODUCED]) && !allowedChange(f.file, p)) problems.push(`extra ${p}`);
    }
    expect(problems).toEqual([]);
  });
});

/** Free-form objects copied from the record: compared by their root only. */
const FREE_FORM = [
  'aws.cloudtrail.flattened.request_parameters', 'aws.cloudtrail.flattened.response_elements',
  'aws.cloudtrail.flattened.additional_eventdata', 'aws.cloudtrail.flattened.service_event_details',
  'gcp.audit.request', 'gcp.audit.response', 'gcp.audit.metadata', 'gcp.audit.labels',
  'azure.activitylogs.properties', 'azure.activitylogs.identity.claims', 'azure.signinlogs.properties',
];

/**
 * Paths the generated day uses that no real fixture of the stream has data for, each written by the current
 * pipeline (the CloudTrail and GCP ones are also declared in the packages' fields.yml).
 */
const NOT_IN_FIXTURES: Record<string, string[]> = {
  'aws.cloudtrail': [
    'aws.cloudtrail.error_code', // no fixture records a failed call with an error code
    'aws.cloudtrail.management_event',
    'aws.cloudtrail.session_credential_from_console', // mapped since integration 4.6
    'aws.cloudtrail.user_identity.invoked_by',
    'user.changes.name', // session name of assumed roles (elastic/integrations#15601)
    'user.target.id', // responseElements.user.userId
    'user.target.name', // requestParameters.userName
  ],
  'gcp.audit': [
    'cloud.availability_zone', // resource.labels.location
    'cloud.instance.id',
    'gcp.audit.authentication_info.service_account_delegation_info',
    'gcp.audit.receive_timestamp',
    'gcp.audit.resource.type',
    'gcp.audit.status.code',
    'gcp.audit.status.message',
    'orchestrator.cluster.name', // GKE cluster resources
    'orchestrator.type',
    'related.user',
    'user.email', // principalEmail, also kept as client.user.email
    'user.id',
  ],
  'azure.activitylogs': [
    'azure.activitylogs.eventDataId', // unmapped keys keep the record's spelling
    'azure.activitylogs.identity.claims_initiated_by_user.fullname',
    'azure.activitylogs.identity.claims_initiated_by_user.givenname',
    'azure.activitylogs.identity.claims_initiated_by_user.name',
    'azure.activitylogs.identity.claims_initiated_by_user.surname',
    'azure.activitylogs.properties',
    'azure.activitylogs.tenant_id',
    'geo.name', // location, where no GeoIP lookup replaced it
    'related.entity',
    'related.user',
    'user.domain',
    'user.email',
    'user.full_name',
    'user.name',
  ],
  'azure.signinlogs': ['user_agent.original'],
};

describe('documents of a generated day', () => {
  let dir: string;
  const paths = new Map<string, Set<string>>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecs-shape-'));
    await generateSampleDay({ outDir: dir, events: 5000, seed: 3 });
    await ecsDocumentsOfFiles(await listSampleFiles(dir), (d) => {
      const dataset = String((d.document.data_stream as Json).dataset);
      const seen = paths.get(dataset) ?? new Set<string>();
      for (const p of leaves(d.document, FREE_FORM).keys()) seen.add(p);
      paths.set(dataset, seen);
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const real = new Map<string, Set<string>>();
  for (const d of ecsRecords()) {
    const dataset = (d.origin.file ?? '').split('/')[2]?.replace('_', '.');
    if (dataset === undefined || !isMap(d.record) || !isMap(d.record.event)) continue;
    const seen = real.get(dataset) ?? new Set<string>();
    for (const p of leaves(d.record, FREE_FORM).keys()) seen.add(p);
    real.set(dataset, seen);
  }

  it.each(Object.keys(NOT_IN_FIXTURES))('%s: use the key paths of the real documents of their stream', (dataset) => {
    const generated = paths.get(dataset);
    expect(generated?.size).toBeGreaterThan(10);
    const known = real.get(dataset) ?? new Set<string>();
    const unknown = [...(generated ?? [])].filter((p) => !known.has(p) && !under(p, ENVELOPE) && !NOT_IN_FIXTURES[dataset].includes(p));
    expect(unknown).toEqual([]);
  });
});
