import type { AuditEvent } from '../../../common/audit_event';
import { cloudTrailEvent, ecsOriginals, gcpAuditEvent, invictusRecords, pantherCases } from './test_datasets';
import { clearInterfaceCache, detectInterface, interfaceCacheSize, parseUserAgent } from './detect_interface';
import { auditEvent, awsEvent, azureEvent, gcpEvent } from './test_events';
import type { InterfaceInfo } from './types';

const withAgent = (event: AuditEvent, userAgent: string): AuditEvent => ({ ...event, source: { ...event.source, userAgent } });
const aws = (userAgent: string, more: Partial<AuditEvent> = {}) => withAgent(awsEvent('ec2.amazonaws.com', 'DescribeInstances', undefined, more), userAgent);
const gcp = (userAgent: string) => withAgent(gcpEvent('compute.googleapis.com', 'v1.compute.instances.list'), userAgent);

describe('interface of real user agents (invictus-ir CloudTrail, Stratus Red Team run)', () => {
  const events = invictusRecords().map(cloudTrailEvent);
  const find = (predicate: (event: AuditEvent) => boolean): AuditEvent => {
    const event = events.find(predicate);
    if (!event) throw new Error('no such event in the dataset');
    return event;
  };
  const agent = (prefix: string) => (event: AuditEvent) => (event.source.userAgent ?? '').startsWith(prefix);

  it('Terraform set-up is infrastructure as code, from a Linux server', () => {
    const terraform = find((event) => agent('APN/1.0 HashiCorp')(event) && !event.source.userAgent?.includes('stratus'));
    expect(detectInterface(terraform)).toEqual({ kind: 'iac', tool: 'terraform', language: 'go', os: 'linux', workstation: false });
  });

  it('Stratus Red Team detonations are offensive; its Terraform lab set-up is Terraform', () => {
    const alone = find(agent('stratus-red-team_'));
    expect(detectInterface(alone)).toMatchObject({ kind: 'sdk', language: 'go', tool: 'stratus-red-team', offensive: true });
    const withTerraform = find((event) => agent('APN/1.0 HashiCorp')(event) && !!event.source.userAgent?.includes('stratus-red-team_'));
    // The harness provisioning its lab through Terraform: Terraform's calls, not the attack.
    expect(detectInterface(withTerraform)).toMatchObject({ kind: 'iac', tool: 'terraform' });
    expect(detectInterface(withTerraform).offensive).toBeUndefined();
  });

  it('gives every stratus-red-team_<uuid> detonation the same tool family', () => {
    const detonations = events.filter((event) => event.source.userAgent?.includes('stratus-red-team_') && !event.source.userAgent.includes('Terraform'));
    const tools = new Set(detonations.map((event) => detectInterface(event).tool));
    expect(tools).toEqual(new Set(['stratus-red-team']));
  });

  it('Boto3 on a generic Linux kernel is the Python SDK, not a known workstation', () => {
    expect(detectInterface(find(agent('Boto3/')))).toEqual({ kind: 'sdk', tool: 'boto3', language: 'python', os: 'linux', workstation: false });
  });

  it('console front ends and console sessions are the console', () => {
    expect(detectInterface(find(agent('[S3Console/')))).toMatchObject({ kind: 'console', tool: 'aws-console' });
    expect(detectInterface(find(agent('RDS Console')))).toMatchObject({ kind: 'console', tool: 'aws-console' });
    const browsing = find((event) => agent('Mozilla/5.0 (X11; Ubuntu')(event) && event.action === 'ConsoleLogin');
    expect(detectInterface(browsing)).toEqual({ kind: 'console', tool: 'aws-console', os: 'linux', workstation: true });
    const internalFromConsole = find((event) => event.source.userAgent === 'AWS Internal' && event.credential?.fromConsole === true &&
      event.actor.invokedBy === undefined);
    expect(detectInterface(internalFromConsole)).toMatchObject({ kind: 'console', tool: 'aws-console' });
  });

  it('AWS acting for itself is the provider service', () => {
    const internal = find((event) => event.source.userAgent === 'AWS Internal' && event.actor.invokedBy !== undefined);
    expect(detectInterface(internal)).toMatchObject({ kind: 'service', workstation: false });
    const secretsManager = find((event) => event.source.userAgent === 'secretsmanager.amazonaws.com');
    expect(detectInterface(secretsManager)).toMatchObject({ kind: 'service', tool: 'secretsmanager.amazonaws.com' });
    expect(detectInterface(find(agent('aws-sdk-go/1.41.4')))).toMatchObject({ kind: 'service', tool: 'amazon-ssm-agent' });
  });

  it('leaves no event of the dataset unknown', () => {
    const unknown = events.filter((event) => detectInterface(event).kind === 'unknown');
    expect(unknown.map((event) => event.source.userAgent)).toEqual([]);
  });
});

describe('interface of user agents from Panther and Elastic fixtures', () => {
  const awsAgents = new Set(pantherCases('panther_tests_aws_cloudtrail.ndjson').map((testCase) => testCase.log.userAgent).filter((ua) => typeof ua === 'string'));
  const gcpAgents = new Set(pantherCases('panther_tests_gcp_auditlog.ndjson').map((testCase) => gcpAuditEvent(testCase.log).source.userAgent).filter((ua) => ua));
  const pick = (agents: Set<unknown>, test: RegExp): string => {
    const found = [...agents].find((ua): ua is string => typeof ua === 'string' && test.test(ua));
    if (!found) throw new Error(`no user agent matches ${test}`);
    return found;
  };

  it.each<[string, RegExp, Partial<InterfaceInfo>]>([
    ['aws-cli on macOS (v1, Darwin)', /^aws-cli\/1\.15.*Darwin/, { kind: 'cli', tool: 'aws-cli', os: 'macos', workstation: true }],
    ['aws-cli v2 on macOS', /^aws-cli\/2\.15\.59.*os\/macos/, { kind: 'cli', tool: 'aws-cli', os: 'macos', workstation: true }],
    ['aws-cli in AWS CloudShell', /exec-env\/CloudShell/, { kind: 'cloudshell', tool: 'aws-cli', os: 'amazon-linux', workstation: false }],
    ['aws-cli on an AWS kernel', /^aws-cli\/2\.13\.0 .*-aws /, { kind: 'cli', tool: 'aws-cli', os: 'linux', workstation: false }],
    ['TruffleHog', /^TruffleHog$/, { tool: 'trufflehog', offensive: true }],
    ['EC2 console', /^console\.ec2\.amazonaws\.com$/, { kind: 'console', tool: 'aws-console' }],
    ['CloudFormation', /^cloudformation\.amazonaws\.com$/, { kind: 'iac', tool: 'cloudformation' }],
    ['Go SDK in Lambda', /exec-env\/AWS_Lambda/, { kind: 'sdk', tool: 'aws-sdk-go', os: 'linux', workstation: false }],
    ['Boto3 on Fargate', /AWS_ECS_FARGATE/, { kind: 'sdk', tool: 'boto3', os: 'amazon-linux', workstation: false }],
    ['Go SDK v2 on a Mac', /^aws-sdk-go-v2\/1\.14\.0 os\/macos/, { kind: 'sdk', tool: 'aws-sdk-go-v2', language: 'go', os: 'macos', workstation: true }],
    ['Terraform on a Mac', /Terraform\/1\.1\.2.*darwin.*68319f60/, { kind: 'iac', tool: 'terraform', os: 'macos', workstation: true }],
    ['Java SDK', /^aws-sdk-java\/2\.20\.0$/, { kind: 'sdk', tool: 'aws-sdk-java', language: 'java' }],
    ['Lambda worker', /^awslambda-worker/, { kind: 'service' }],
    ['Chrome on a Mac (console session)', /^Mozilla\/5\.0 \(Macintosh.*Chrome\/131/, { kind: 'console', tool: 'aws-console', os: 'macos', workstation: true }],
  ])('%s', (_name, pattern, expected) => {
    expect(detectInterface(aws(pick(awsAgents, pattern)))).toMatchObject(expected);
  });

  it.each<[string, RegExp, Partial<InterfaceInfo>]>([
    ['gcloud in Cloud Shell (environment/devshell)', /environment\/devshell/, { kind: 'cloudshell', tool: 'gcloud', workstation: false }],
    ['gsutil on a Mac', /gsutil\/5\.11 \(darwin\)/, { kind: 'cli', tool: 'gsutil', os: 'macos', workstation: true }],
    ['gcloud', /^google-cloud-sdk gcloud\/548\.0\.0 command\/gcloud\.storage\.cp$/, { kind: 'cli', tool: 'gcloud', language: 'python' }],
    ['kubectl on a Mac', /^kubectl\/v1\.28\.2 \(darwin/, { kind: 'cli', tool: 'kubectl', os: 'macos' }],
    ['Terraform Google provider', /terraform-provider-google/, { kind: 'iac', tool: 'terraform' }],
    ['browser (Google Cloud console)', /^Mozilla\/5\.0 \(Macintosh.*Firefox\/119\.0,gzip\(gfe\)$/, { kind: 'console', tool: 'gcp-console', os: 'macos' }],
    ['GKE metadata server', /gke-metadata-server/, { kind: 'service', tool: 'gke' }],
    ['Google health checker', /^GoogleHC/, { kind: 'service' }],
  ])('%s', (_name, pattern, expected) => {
    expect(detectInterface(gcp(pick(gcpAgents, pattern)))).toMatchObject(expected);
  });

  it('reads Elastic fixtures: VS Code toolkit on macOS, aws-cli on an AWS server, Grimoire attack simulation', () => {
    const [identity] = ecsOriginals('aws_cloudtrail/test-get-caller-identity-json.log-expected.json').map(cloudTrailEvent);
    expect(detectInterface(identity)).toMatchObject({ kind: 'sdk', tool: 'aws-toolkit', language: 'javascript', os: 'macos', workstation: true });
    const [command] = ecsOriginals('aws_cloudtrail/test-send-command-targets-json.log-expected.json').map(cloudTrailEvent);
    expect(detectInterface(command)).toMatchObject({ kind: 'cli', tool: 'aws-cli', os: 'linux', workstation: false });
    const [session] = ecsOriginals('aws_cloudtrail/test-start-session-json.log-expected.json').map(cloudTrailEvent);
    expect(detectInterface(session)).toMatchObject({ kind: 'cli', tool: 'grimoire', offensive: true, os: 'macos' });
  });
});

describe('interface from session fields', () => {
  it('uses the Entra client application id when there is no user agent (Azure Activity log)', () => {
    const byApp = (appId: string) => detectInterface(azureEvent('Microsoft.Compute/virtualMachines/write', undefined, { actor: { type: 'user', appId } }));
    expect(byApp('04b07795-8ddb-461a-bbee-02f9e1bf7b46')).toMatchObject({ kind: 'cli', tool: 'azure-cli' });
    expect(byApp('1950a258-227b-4e31-a9cf-717495945fc2')).toMatchObject({ kind: 'cli', tool: 'azure-powershell', language: 'powershell' });
    expect(byApp('C44B4083-3BB0-49C1-B47D-974E53CBDF3C')).toMatchObject({ kind: 'console', tool: 'azure-portal' });
    expect(byApp('00000000-1111-2222-3333-444444444444')).toMatchObject({ kind: 'unknown' });
  });

  it('sees Azure Cloud Shell in the Azure CLI user agent', () => {
    const ua = 'AZURECLI/2.50.0 (DEB) azsdk-python-azure-mgmt-resource/23.1.0b2 Python/3.9.16 (Linux-5.15.0-1041-azure-x86_64-with-glibc2.35) cloud-shell/1.0';
    const event = withAgent(azureEvent('Microsoft.Resources/deployments/write', undefined, { actor: { type: 'user', appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' } }), ua);
    expect(detectInterface(event)).toMatchObject({ kind: 'cloudshell', tool: 'azure-cli', os: 'linux', workstation: false });
  });

  it('takes a browser with a long-term AWS key for what it is: not a console session', () => {
    const spoofed = aws('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0', { credential: { id: 'AKIAEXAMPLE', kind: 'long_term' } });
    expect(detectInterface(spoofed)).toMatchObject({ kind: 'unknown', tool: 'browser', os: 'windows', workstation: true });
  });

  it('counts a console sign-in as the console, whatever key the record shows', () => {
    const signIn = withAgent(awsEvent('signin.amazonaws.com', 'ConsoleLogin', undefined, { credential: { id: 'AKIAEXAMPLE', kind: 'long_term' } }),
      'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:24.0) Gecko/20100101 Firefox/24.0');
    expect(detectInterface(signIn)).toMatchObject({ kind: 'console', tool: 'aws-console', os: 'windows', workstation: true });
  });

  it('treats GCP service agents as the provider, not as a user tool', () => {
    const agentCall = withAgent(gcpEvent('compute.googleapis.com', 'v1.compute.instances.insert', undefined,
      { actor: { type: 'service_account', name: 'service-123@gcp-sa-cloudbuild.iam.gserviceaccount.com' } }), 'Go-http-client/2.0');
    expect(detectInterface(agentCall)).toMatchObject({ kind: 'service', workstation: false });
    expect(detectInterface(gcp('Go-http-client/2.0,gzip(gfe)'))).toMatchObject({ kind: 'sdk', tool: 'go-http-client' });
  });

  it('names CI systems and keeps the SDK language', () => {
    const github = aws('aws-sdk-js/3.540.0 ua/2.0 os/linux#6.5.0-1016-azure lang/js md/nodejs#20 configure-aws-credentials-for-github-actions');
    expect(detectInterface(github)).toMatchObject({ kind: 'ci', tool: 'github-actions', language: 'javascript', workstation: false });
  });

  it('marks Kali as offensive but keeps the tool family', () => {
    const kali = aws('aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0-kali5-amd64 exe/x86_64.kali.2023 prompt/off command/iam.list-users md/distrib#kali.2023');
    expect(detectInterface(kali)).toMatchObject({ kind: 'cli', tool: 'aws-cli', os: 'kali', offensive: true });
  });

  it('names unknown clients by their first product token, without version or ids', () => {
    expect(detectInterface(aws('Datadog/1.2 (+https://datadoghq.com)')).tool).toBe('datadog');
    expect(detectInterface(aws('68319f60-9dec-43b2-9702-de3a08c9d8a3')).tool).toBe('unknown');
    expect(detectInterface(auditEvent({ provider: 'aws', service: 's', action: 'a', source: {} }))).toMatchObject({ kind: 'unknown', tool: 'unknown' });
  });
});

describe('user-agent cache', () => {
  it('parses each user agent once and shares the frozen result', () => {
    clearInterfaceCache();
    const first = parseUserAgent('Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic Botocore/1.29.165');
    const second = parseUserAgent('Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic Botocore/1.29.165');
    expect(second).toBe(first);
    expect(Object.isFrozen(first.info)).toBe(true);
    expect(interfaceCacheSize()).toBe(1);
  });

  it('returns the same frozen result for repeated events, also when the event decides (console, service, client app)', () => {
    const browser = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    const consoleCall = () => aws(browser, { credential: { id: 'ASIAEXAMPLE', kind: 'console', fromConsole: true } });
    expect(detectInterface(consoleCall())).toBe(detectInterface(consoleCall()));
    expect(Object.isFrozen(detectInterface(consoleCall()))).toBe(true);
    const byApp = () => azureEvent('Microsoft.Compute/virtualMachines/write', undefined, { actor: { type: 'user', appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' } });
    expect(detectInterface(byApp())).toBe(detectInterface(byApp()));
  });

  it('detects the interface of a million events quickly', () => {
    const events = invictusRecords().map(cloudTrailEvent);
    const started = process.hrtime.bigint();
    const rounds = Math.ceil(1_000_000 / events.length);
    let consoles = 0;
    for (let round = 0; round < rounds; round++) for (const event of events) if (detectInterface(event).kind === 'console') consoles++;
    expect(consoles).toBeGreaterThan(0);
    // About 0.1 s on a laptop; the bound leaves room for slow CI machines.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });

  it('stays bounded: it starts over when full', () => {
    clearInterfaceCache();
    for (let index = 0; index <= 20_000; index++) parseUserAgent(`client-${index}/1.0`);
    expect(interfaceCacheSize()).toBeLessThanOrEqual(20_000);
    expect(interfaceCacheSize()).toBeGreaterThan(0);
  });

  it('gives the same answers once it has started over', () => {
    const agents = ['aws-cli/2.15.0 Python/3.11.6 Darwin/23.1.0', 'Boto3/1.26.165 Python/3.10.6 Linux/5.19.0', 'Terraform/1.6.0'];
    const before = agents.map((agent) => detectInterface(aws(agent)));
    for (let index = 0; index <= 20_000; index++) parseUserAgent(`client-${index}/1.0`);
    expect(agents.map((agent) => detectInterface(aws(agent)))).toEqual(before);
    expect(parseUserAgent(agents[0])).toBe(parseUserAgent(agents[0]));
  });
});
