import { buildCatalogIndex, catalogEntries, classify, classifyWith } from './classify';
import { cloudTrailEvent, ecsOriginals, invictusRecords } from './test_datasets';
import { auditEvent, awsEvent, azureEvent, gcpEvent } from './test_events';
import type { ActionKind, CatalogEntry } from './types';

describe('classify on the invictus-ir CloudTrail dataset (Stratus Red Team detonations)', () => {
  const events = invictusRecords().map(cloudTrailEvent);
  const kindsOf = (action: string): Set<string | undefined> =>
    new Set(events.filter((event) => event.action === action).map((event) => classify(event)?.kind));

  it.each<[string, string, ActionKind]>([
    ['StopLogging', 'tamper', 'logging_disabled'],
    ['DeleteTrail', 'tamper', 'logging_deleted'],
    ['PutEventSelectors', 'tamper', 'logging_modified'],
    ['DeleteFlowLogs', 'tamper', 'logging_deleted'],
    ['GetSecretValue', 'privileged', 'secrets'],
    ['GetPasswordData', 'privileged', 'secrets'],
    ['SendCommand', 'privileged', 'compute_execution'],
    ['UpdateFunctionCode20150331v2', 'privileged', 'code_change'],
    ['CreateFunction20150331', 'privileged', 'code_change'],
    ['AttachUserPolicy', 'privileged', 'iam'],
    ['CreateAccessKey', 'privileged', 'iam'],
    ['CreateLoginProfile', 'privileged', 'iam'],
    ['UpdateAssumeRolePolicy', 'privileged', 'iam'],
    ['CreateTrustAnchor', 'privileged', 'iam'],
    ['LeaveOrganization', 'privileged', 'org_account'],
    ['AssumeRole', 'auth_shift', 'credential_minted'],
    ['ConsoleLogin', 'auth_shift', 'console_login'],
    ['GetCallerIdentity', 'recon', 'identity_check'],
    ['ListSecrets', 'recon', 'secrets_listing'],
  ])('%s -> %s / %s', (action, category, kind) => {
    const matching = events.filter((event) => event.action === action);
    expect(matching.length).toBeGreaterThan(0);
    for (const event of matching) expect(classify(event)).toMatchObject({ category, kind, explicit: true });
  });

  it('tells sharing from un-sharing: ModifySnapshotAttribute add is data exposure, remove is not', () => {
    const snapshotEvents = events.filter((event) => event.action === 'ModifySnapshotAttribute');
    const added = snapshotEvents.filter((event) => JSON.stringify(event.request).includes('"add"'));
    const removed = snapshotEvents.filter((event) => JSON.stringify(event.request).includes('"remove"'));
    expect(added.length).toBeGreaterThan(0);
    expect(removed.length).toBeGreaterThan(0);
    for (const event of added) expect(classify(event)?.kind).toBe('data_exposure');
    for (const event of removed) expect(classify(event)).toBeUndefined();
    expect(kindsOf('ModifyDBSnapshotAttribute')).toEqual(new Set(['data_exposure', undefined]));
  });

  it('does not call KMS Decrypt made by Secrets Manager a secrets access', () => {
    const decrypts = events.filter((event) => event.action === 'Decrypt');
    expect(decrypts.length).toBeGreaterThan(100);
    expect(decrypts.every((event) => event.actor.invokedBy !== undefined)).toBe(true);
    expect(kindsOf('Decrypt')).toEqual(new Set([undefined]));
  });

  it('reads SSM parameters with decryption as secrets access', () => {
    expect(kindsOf('GetParameters')).toEqual(new Set(['secrets']));
    expect(kindsOf('GetParameter')).toEqual(new Set(['secrets']));
  });

  it('classifies reads the catalog does not list as generic recon, and leaves plain infrastructure writes alone', () => {
    const describeNat = events.find((event) => event.action === 'DescribeNatGateways');
    expect(describeNat && classify(describeNat)).toMatchObject({ category: 'recon', kind: 'enumeration', explicit: false });
    for (const action of ['CreateVpc', 'CreateSubnet', 'AssociateRouteTable', 'CreateTags']) expect(kindsOf(action)).toEqual(new Set([undefined]));
  });

  it('keeps failed calls classified (the analytic decides what a denied call means)', () => {
    const denied = events.filter((event) => event.outcome === 'failure' && event.action === 'GetPasswordData');
    expect(denied.length).toBeGreaterThan(0);
    for (const event of denied) expect(classify(event)?.kind).toBe('secrets');
  });

  it('classifies about a third of the dataset, not everything', () => {
    const classified = events.filter((event) => classify(event) !== undefined).length;
    expect(classified / events.length).toBeGreaterThan(0.3);
    expect(classified / events.length).toBeLessThan(0.95);
  });
});

describe('classify on Elastic integration fixtures (raw record in event.original)', () => {
  it.each<[string, string, ActionKind]>([
    ['aws_cloudtrail/test-send-command-targets-json.log-expected.json', 'SendCommand', 'compute_execution'],
    ['aws_cloudtrail/test-start-session-json.log-expected.json', 'StartSession', 'compute_execution'],
    ['aws_cloudtrail/test-assume-role-json.log-expected.json', 'AssumeRole', 'credential_minted'],
    ['aws_cloudtrail/test-console-login-json.log-expected.json', 'ConsoleLogin', 'console_login'],
    ['aws_cloudtrail/test-user-authentication.log-expected.json', 'UserAuthentication', 'console_login'],
    ['aws_cloudtrail/test-get-caller-identity-json.log-expected.json', 'GetCallerIdentity', 'identity_check'],
  ])('%s', (file, action, kind) => {
    const events = ecsOriginals(file).map(cloudTrailEvent);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.action).toBe(action);
      expect(classify(event)?.kind).toBe(kind);
    }
  });
});

describe('index behaviour', () => {
  it('matches Lambda versioned names to the plain entry, and only those', () => {
    expect(classify(awsEvent('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', { functionName: 'f' }))?.kind).toBe('code_change');
    expect(classify(awsEvent('lambda.amazonaws.com', 'UpdateFunctionCode20150331', { functionName: 'f' }))?.kind).toBe('code_change');
    expect(classify(awsEvent('lambda.amazonaws.com', 'UpdateFunctionCode', { functionName: 'f' }))?.kind).toBe('code_change');
    expect(classify(awsEvent('lambda.amazonaws.com', 'UpdateFunctionCodeX2'))).toBeUndefined();
  });

  it('needs the right AWS service: the same name on another service is something else', () => {
    expect(classify(awsEvent('cloudtrail.amazonaws.com', 'StopLogging'))?.category).toBe('tamper');
    expect(classify(awsEvent('example.amazonaws.com', 'StopLogging'))).toBeUndefined();
  });

  it('matches GCP method names across versions and casing', () => {
    const details = { protoPayload: { metadata: { instanceMetadataDelta: { addedMetadataKeys: ['startup-script'] } } } };
    for (const method of ['v1.compute.instances.setMetadata', 'beta.compute.instances.setMetadata', 'compute.instances.setMetadata']) {
      expect(classify(gcpEvent('compute.googleapis.com', method, {}, { raw: details }))?.kind).toBe('code_change');
    }
    expect(classify(gcpEvent('iam.googleapis.com', 'google.iam.admin.v1.SetIAMPolicy'))?.summary).toMatch(/service account/);
    expect(classify(gcpEvent('cloudresourcemanager.googleapis.com', 'SetIamPolicy'))?.kind).toBe('iam');
    // A suffix matches whole dotted segments only.
    expect(classify(gcpEvent('compute.googleapis.com', 'v1.compute.instances.xsetMetadata'))).toBeUndefined();
  });

  it('prefers the service-specific GCP entry over the any-service one', () => {
    expect(classify(gcpEvent('compute.googleapis.com', 'v1.compute.images.setIamPolicy'))?.kind).toBe('data_exposure');
    expect(classify(gcpEvent('run.googleapis.com', 'google.cloud.run.v1.Services.SetIamPolicy'))?.kind).toBe('iam');
  });

  it('matches Azure operations ignoring case, trailing spaces, and nesting under another resource', () => {
    expect(classify(azureEvent('microsoft.compute/virtualmachines/runcommand/action'))?.kind).toBe('compute_execution');
    expect(classify(azureEvent('Microsoft.Compute/virtualMachines/runCommand/action'))?.kind).toBe('compute_execution');
    const nested = 'Microsoft.Network/networkSecurityGroups/providers/Microsoft.Insights/diagnosticSettings/delete';
    expect(classify(azureEvent(nested))).toMatchObject({ category: 'tamper', kind: 'logging_deleted' });
    const withSpace = auditEvent({ provider: 'azure', service: 'MICROSOFT.AADIAM', action: 'UPDATE APPLICATION – CERTIFICATES AND SECRETS MANAGEMENT ' });
    expect(classify(withSpace)?.shift).toBe('key_created');
  });

  it('classifies AKS Kubernetes audit events with the GKE-named Kubernetes entries', () => {
    const aks = (action: string) => auditEvent({ provider: 'azure', service: 'MICROSOFT.CONTAINERSERVICE', action });
    expect(classify(aks('io.k8s.core.v1.pods.exec.create'))?.kind).toBe('compute_execution');
    expect(classify(aks('io.k8s.core.v1.secrets.list'))?.kind).toBe('secrets');
    expect(classify(aks('io.k8s.authorization.rbac.v1.clusterrolebindings.create'))?.kind).toBe('iam');
    expect(classify(aks('io.k8s.core.v1.pods.watch'))).toMatchObject({ category: 'recon', explicit: false });
    expect(classify(aks('io.k8s.core.v1.configmaps.update'))).toBeUndefined();
  });

  it('gives generic reads explicit: false, on every provider', () => {
    expect(classify(awsEvent('ec2.amazonaws.com', 'DescribeTransitGateways'))).toMatchObject({ category: 'recon', explicit: false });
    expect(classify(awsEvent('example.amazonaws.com', 'DoSomething', undefined, { readOnly: true }))).toMatchObject({ explicit: false });
    expect(classify(gcpEvent('compute.googleapis.com', 'v1.compute.networks.list'))).toMatchObject({ category: 'recon', explicit: false });
    expect(classify(gcpEvent('compute.googleapis.com', 'beta.compute.routers.aggregatedList'))).toMatchObject({ explicit: false });
    expect(classify(azureEvent('Microsoft.Web/sites/read'))).toMatchObject({ category: 'recon', explicit: false });
  });

  it('does not take writes or look-alike names for reads', () => {
    expect(classify(awsEvent('ec2.amazonaws.com', 'CreateTags', undefined, { readOnly: false }))).toBeUndefined();
    expect(classify(awsEvent('example.amazonaws.com', 'Listener', undefined, { readOnly: false }))).toBeUndefined();
    expect(classify(awsEvent('kms.amazonaws.com', 'GenerateDataKey', undefined, { readOnly: true }))).toBeUndefined();
    expect(classify(gcpEvent('compute.googleapis.com', 'v1.compute.instances.start'))).toBeUndefined();
    expect(classify(gcpEvent('compute.googleapis.com', 'v1.compute.instances.getter2'))).toBeUndefined();
    expect(classify(azureEvent('Microsoft.Web/sites/write'))).toBeUndefined();
  });

  it('returns shared, frozen classifications that callers cannot alter', () => {
    const first = classify(awsEvent('cloudtrail.amazonaws.com', 'StopLogging'));
    const second = classify(awsEvent('cloudtrail.amazonaws.com', 'StopLogging'));
    expect(first).toBe(second);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.techniques)).toBe(true);
  });

  it('tries conditional entries before the fallback of the same action, whatever the table order', () => {
    const entries: CatalogEntry[] = [
      { provider: 'aws', service: 's', action: 'A', category: 'privileged', kind: 'iam', techniques: [], summary: 'fallback' },
      { provider: 'aws', service: 's', action: 'A', when: { path: 'x', present: true }, category: 'tamper', kind: 'logging_modified', techniques: [], summary: 'with x' },
    ];
    const index = buildCatalogIndex(entries);
    expect(classifyWith(index, awsEvent('s', 'A', { x: 1 }))?.summary).toBe('with x');
    expect(classifyWith(index, awsEvent('s', 'A', {}))?.summary).toBe('fallback');
  });

  it('classifies an event the same way each time, and each index by its own entries', () => {
    const entries: CatalogEntry[] = [
      { provider: 'aws', service: 's', action: 'A', category: 'privileged', kind: 'iam', techniques: [], summary: 'own index' },
    ];
    const index = buildCatalogIndex(entries);
    for (let round = 0; round < 2; round++) {
      expect(classifyWith(index, awsEvent('s', 'A'))?.summary).toBe('own index');
      expect(classifyWith(index, awsEvent('s', 'StopLogging'))).toBeUndefined();
      expect(classify(awsEvent('s', 'A'))).toBeUndefined();
      expect(classify(awsEvent('cloudtrail.amazonaws.com', 'StopLogging'))?.kind).toBe('logging_disabled');
      expect(classify(awsEvent('example.amazonaws.com', 'DoSomething', undefined, { readOnly: round === 0 }))?.explicit).toBe(round === 0 ? false : undefined);
    }
  });

  it('keeps classifying right after a flood of made-up action names', () => {
    for (let i = 0; i < 60_000; i++) classify(awsEvent('example.amazonaws.com', `Made${i}Up`));
    expect(classify(awsEvent('cloudtrail.amazonaws.com', 'StopLogging'))?.kind).toBe('logging_disabled');
    expect(classify(awsEvent('example.amazonaws.com', 'ListThings'))?.kind).toBe('enumeration');
    expect(classify(awsEvent('example.amazonaws.com', 'Made1Up'))).toBeUndefined();
  });

  it('rejects suffix matching outside GCP', () => {
    const bad: CatalogEntry = { provider: 'aws', action: 'X', match: 'suffix', category: 'recon', kind: 'enumeration', techniques: [], summary: 'x' };
    expect(() => buildCatalogIndex([bad])).toThrow(/GCP/);
  });

  it('has no two unconditional entries for the same key (the second would never match)', () => {
    const seen = new Map<string, string>();
    for (const entry of catalogEntries) {
      if (entry.when) continue;
      const action = entry.provider === 'aws' ? entry.action : entry.provider === 'gcp' ? entry.action.toLowerCase() : entry.action.toUpperCase();
      const service = entry.provider === 'azure' ? '' : (entry.service ?? '*');
      const key = `${entry.provider}|${service}|${entry.match ?? 'exact'}|${action}`;
      expect(seen.get(key)).toBeUndefined();
      seen.set(key, entry.summary);
    }
  });
});

describe('classify speed', () => {
  it('classifies a million events in well under the time of reading them', () => {
    const events = invictusRecords().map(cloudTrailEvent);
    classify(events[0]);
    const rounds = Math.ceil(1_000_000 / events.length);
    const started = process.hrtime.bigint();
    let classified = 0;
    for (let round = 0; round < rounds; round++) for (const event of events) if (classify(event)) classified++;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    expect(classified).toBeGreaterThan(0);
    // About 0.1 s on a laptop; the bound leaves room for slow CI machines.
    expect(seconds).toBeLessThan(5);
  });
});
