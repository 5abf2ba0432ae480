import type { InterfaceKind } from './types';

/**
 * What user agents, client application ids and session fields say about the interface a call came through.
 * All matching is on the lower-cased user agent; within a list the first rule that matches wins.
 */

export interface AgentRule {
  /** Lower-case substrings; any of them matches. */
  contains?: string[];
  /** All of these lower-case substrings must appear. */
  allOf?: string[];
  /** For the few shapes substrings cannot express (compiled once, here). */
  pattern?: RegExp;
  kind: InterfaceKind;
  /** Family name, stable across versions. `agent`: the user agent itself (an AWS service host name). */
  tool: string;
  language?: string;
}

/** The tool that made the call. Order matters: consoles and IaC tools embed SDK names in their user agents. */
export const AGENT_RULES: AgentRule[] = [
  // AWS console front ends and sign-in.
  { pattern: /(^|[\s[,])(console|signin)\.([a-z0-9-]+\.)?amazonaws\.com/, kind: 'console', tool: 'aws-console' },
  { contains: ['s3console/', 'rds console', 'ec2consolefrontend', 'awsconsole'], kind: 'console', tool: 'aws-console' },
  { allOf: ['console', 'aws-internal'], kind: 'console', tool: 'aws-console' },
  // The provider acting for itself.
  { contains: ['aws internal', 'aws-internal/'], kind: 'service', tool: 'aws-internal' },
  { contains: ['amazon-ssm-agent'], kind: 'service', tool: 'amazon-ssm-agent' },
  { contains: ['awslambda-worker'], kind: 'service', tool: 'aws-lambda-worker' },
  { contains: ['gke-metadata-server', 'googlekubernetesengine'], kind: 'service', tool: 'gke' },
  { contains: ['googlehc/'], kind: 'service', tool: 'google-health-check' },
  // Infrastructure as code.
  { contains: ['opentofu'], kind: 'iac', tool: 'opentofu', language: 'go' },
  { contains: ['terraform', 'hashicorp'], kind: 'iac', tool: 'terraform', language: 'go' },
  { contains: ['pulumi'], kind: 'iac', tool: 'pulumi' },
  { contains: ['cloudformation.amazonaws.com', 'aws-cloudformation'], kind: 'iac', tool: 'cloudformation' },
  { contains: ['aws-cdk'], kind: 'iac', tool: 'aws-cdk', language: 'javascript' },
  { contains: ['aws-sam-cli', 'sam-cli/'], kind: 'iac', tool: 'aws-sam', language: 'python' },
  { contains: ['ansible'], kind: 'iac', tool: 'ansible', language: 'python' },
  { contains: ['crossplane', 'upbound'], kind: 'iac', tool: 'crossplane', language: 'go' },
  { contains: ['serverless/', 'serverless-framework'], kind: 'iac', tool: 'serverless', language: 'javascript' },
  { contains: ['deploymentmanager', 'deployment-manager', 'deployment manager'], kind: 'iac', tool: 'deployment-manager' },
  { contains: ['packer/'], kind: 'iac', tool: 'packer', language: 'go' },
  // Command-line tools.
  { contains: ['aws-cli/'], kind: 'cli', tool: 'aws-cli', language: 'python' },
  { contains: ['awspowershell', 'aws-tools-for-powershell'], kind: 'cli', tool: 'aws-powershell', language: 'powershell' },
  { contains: ['eksctl'], kind: 'cli', tool: 'eksctl', language: 'go' },
  { contains: ['gsutil/'], kind: 'cli', tool: 'gsutil', language: 'python' },
  { contains: [' bq/', 'command/bq'], kind: 'cli', tool: 'bq', language: 'python' },
  { contains: ['gcloud/', 'command/gcloud.', 'google-cloud-sdk'], kind: 'cli', tool: 'gcloud', language: 'python' },
  { contains: ['azurecli/', 'azure-cli'], kind: 'cli', tool: 'azure-cli', language: 'python' },
  { contains: ['azurepowershell', 'azurepscmdlet'], kind: 'cli', tool: 'azure-powershell', language: 'powershell' },
  { contains: ['kubectl/'], kind: 'cli', tool: 'kubectl', language: 'go' },
  { contains: ['curl/'], kind: 'cli', tool: 'curl' },
  { contains: ['wget/'], kind: 'cli', tool: 'wget' },
  { contains: ['postmanruntime/'], kind: 'cli', tool: 'postman' },
  { contains: ['powershell/'], kind: 'cli', tool: 'powershell', language: 'powershell' },
  // SDKs, by language.
  { contains: ['aws-toolkit'], kind: 'sdk', tool: 'aws-toolkit', language: 'javascript' },
  { contains: ['boto3/'], kind: 'sdk', tool: 'boto3', language: 'python' },
  { contains: ['botocore/'], kind: 'sdk', tool: 'botocore', language: 'python' },
  { contains: ['aws-sdk-python/'], kind: 'sdk', tool: 'aws-sdk-python', language: 'python' },
  { contains: ['aws-sdk-go-v2/'], kind: 'sdk', tool: 'aws-sdk-go-v2', language: 'go' },
  { contains: ['aws-sdk-go/'], kind: 'sdk', tool: 'aws-sdk-go', language: 'go' },
  { contains: ['aws-sdk-java'], kind: 'sdk', tool: 'aws-sdk-java', language: 'java' },
  { contains: ['aws-sdk-nodejs', 'aws-sdk-js', '@aws-sdk/'], kind: 'sdk', tool: 'aws-sdk-js', language: 'javascript' },
  { contains: ['aws-sdk-dotnet'], kind: 'sdk', tool: 'aws-sdk-dotnet', language: 'dotnet' },
  { contains: ['aws-sdk-ruby'], kind: 'sdk', tool: 'aws-sdk-ruby', language: 'ruby' },
  { contains: ['aws-sdk-php'], kind: 'sdk', tool: 'aws-sdk-php', language: 'php' },
  { contains: ['aws-sdk-rust', 'rusoto/'], kind: 'sdk', tool: 'aws-sdk-rust', language: 'rust' },
  { contains: ['aws-sdk-cpp'], kind: 'sdk', tool: 'aws-sdk-cpp', language: 'cpp' },
  { contains: ['aws-sdk-kotlin'], kind: 'sdk', tool: 'aws-sdk-kotlin', language: 'kotlin' },
  { contains: ['aws-sdk-swift'], kind: 'sdk', tool: 'aws-sdk-swift', language: 'swift' },
  { contains: ['google-api-go-client/'], kind: 'sdk', tool: 'google-api-go-client', language: 'go' },
  { contains: ['gl-go/', 'gcloud-golang'], kind: 'sdk', tool: 'google-cloud-go', language: 'go' },
  { contains: ['google-api-python-client'], kind: 'sdk', tool: 'google-api-python-client', language: 'python' },
  { contains: ['gl-python/', 'google-cloud-python', 'gcloud-python'], kind: 'sdk', tool: 'google-cloud-python', language: 'python' },
  { contains: ['google-api-java-client', 'gl-java/'], kind: 'sdk', tool: 'google-api-java-client', language: 'java' },
  { contains: ['gl-node/', 'gcloud-node', 'google-api-nodejs-client'], kind: 'sdk', tool: 'google-cloud-node', language: 'javascript' },
  { contains: ['gl-dotnet/', 'google.apis'], kind: 'sdk', tool: 'google-cloud-dotnet', language: 'dotnet' },
  { contains: ['gl-ruby/'], kind: 'sdk', tool: 'google-cloud-ruby', language: 'ruby' },
  { contains: ['gl-php/'], kind: 'sdk', tool: 'google-cloud-php', language: 'php' },
  { contains: ['apitools'], kind: 'sdk', tool: 'google-apitools', language: 'python' },
  { contains: ['azsdk-python-', 'azure-sdk-for-python', 'msrest/', 'msrestazure'], kind: 'sdk', tool: 'azure-sdk-python', language: 'python' },
  { contains: ['azsdk-js-', 'azure-sdk-for-js', 'ms-rest-js'], kind: 'sdk', tool: 'azure-sdk-js', language: 'javascript' },
  { contains: ['azsdk-java-', 'azure-sdk-for-java'], kind: 'sdk', tool: 'azure-sdk-java', language: 'java' },
  { contains: ['azsdk-net-', 'azure-sdk-for-net', 'microsoft.azure.management'], kind: 'sdk', tool: 'azure-sdk-dotnet', language: 'dotnet' },
  { contains: ['azsdk-go-', 'azure-sdk-for-go'], kind: 'sdk', tool: 'azure-sdk-go', language: 'go' },
  { contains: ['azure-storage/', 'microsoft.azure.storage'], kind: 'sdk', tool: 'azure-storage-sdk', language: 'dotnet' },
  { contains: ['python-requests/'], kind: 'sdk', tool: 'python-requests', language: 'python' },
  { contains: ['python-urllib', 'python-httplib2', 'aiohttp/', 'python-httpx', 'httpx/'], kind: 'sdk', tool: 'python-http', language: 'python' },
  { contains: ['go-http-client/'], kind: 'sdk', tool: 'go-http-client', language: 'go' },
  { contains: ['okhttp/', 'apache-httpclient'], kind: 'sdk', tool: 'java-http', language: 'java' },
  { contains: ['axios/', 'node-fetch', 'undici'], kind: 'sdk', tool: 'node-http', language: 'javascript' },
  // An AWS service calling on a principal's behalf puts its own host name as the user agent.
  { pattern: /^\[?[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com\]?$/, kind: 'service', tool: 'agent' },
];

/** Browsers: the console when the session is a console session (decided per event). */
export const BROWSER_MARKERS = ['mozilla', 'chrome/', 'safari/', 'firefox/', 'edg/'];

export interface EnvironmentRule {
  contains: string[];
  kind: 'cloudshell' | 'ci';
  /** CI: the CI system. CloudShell: used when the tool inside the shell is not recognised. */
  tool: string;
}

/** Where the tool ran: overrides the kind (an aws-cli call from CloudShell is a CloudShell call). */
export const ENVIRONMENT_RULES: EnvironmentRule[] = [
  { contains: ['exec-env/cloudshell', 'aws-cloudshell'], kind: 'cloudshell', tool: 'aws-cloudshell' },
  { contains: ['environment/devshell'], kind: 'cloudshell', tool: 'gcp-cloudshell' },
  { contains: ['cloud-shell', 'azurecloudshell'], kind: 'cloudshell', tool: 'azure-cloudshell' },
  { contains: ['aws-credentials-for-github-actions', 'github-actions', 'githubactions', 'github_actions'], kind: 'ci', tool: 'github-actions' },
  { contains: ['gitlab-runner', 'gitlab-ci'], kind: 'ci', tool: 'gitlab-ci' },
  { contains: ['jenkins'], kind: 'ci', tool: 'jenkins' },
  { contains: ['circleci'], kind: 'ci', tool: 'circleci' },
  { contains: ['bitbucket-pipelines', 'bitbucket pipelines'], kind: 'ci', tool: 'bitbucket-pipelines' },
  { contains: ['vsts_', 'azure-pipelines', 'azurepipelines', 'azure-devops'], kind: 'ci', tool: 'azure-devops' },
];

export interface OffensiveRule {
  contains: string[];
  /** Replaces the tool family; absent: keep the tool that carried the marker (aws-cli on Kali stays aws-cli). */
  tool?: string;
  /** Kind and language when nothing else in the user agent says what the tool technically is. */
  kind: InterfaceKind;
  language?: string;
}

/** Attack-simulation and offensive tools. Flagged `offensive`; their kind is what they technically are. */
export const OFFENSIVE_RULES: OffensiveRule[] = [
  { contains: ['stratus-red-team'], tool: 'stratus-red-team', kind: 'sdk', language: 'go' },
  { contains: ['grimoire'], tool: 'grimoire', kind: 'sdk', language: 'go' },
  { contains: ['pacu'], tool: 'pacu', kind: 'sdk', language: 'python' },
  { contains: ['trufflehog'], tool: 'trufflehog', kind: 'sdk', language: 'go' },
  { contains: ['scoutsuite', 'scout suite'], tool: 'scoutsuite', kind: 'sdk', language: 'python' },
  { contains: ['cloudfox'], tool: 'cloudfox', kind: 'sdk', language: 'go' },
  { contains: ['weirdaal'], tool: 'weirdaal', kind: 'sdk', language: 'python' },
  { contains: ['principalmapper', 'pmapper'], tool: 'pmapper', kind: 'sdk', language: 'python' },
  { contains: ['aws_consoler'], tool: 'aws-consoler', kind: 'sdk', language: 'python' },
  { contains: ['nimbostratus'], tool: 'nimbostratus', kind: 'sdk', language: 'python' },
  { contains: ['roadrecon', 'roadtools'], tool: 'roadtools', kind: 'sdk', language: 'python' },
  { contains: ['azurehound'], tool: 'azurehound', kind: 'sdk', language: 'go' },
  { contains: ['microburst'], tool: 'microburst', kind: 'cli', language: 'powershell' },
  { contains: ['aadinternals'], tool: 'aadinternals', kind: 'cli', language: 'powershell' },
  { contains: ['graphrunner'], tool: 'graphrunner', kind: 'cli', language: 'powershell' },
  { contains: ['tokentactics'], tool: 'tokentactics', kind: 'cli', language: 'powershell' },
  { contains: ['peirates'], tool: 'peirates', kind: 'sdk', language: 'go' },
  { contains: ['kube-hunter'], tool: 'kube-hunter', kind: 'sdk', language: 'python' },
  { contains: ['sqlmap'], tool: 'sqlmap', kind: 'sdk', language: 'python' },
  { contains: ['nuclei'], tool: 'nuclei', kind: 'sdk', language: 'go' },
  // An offensive Linux distribution named by the AWS CLI (md/distrib#kali...).
  { contains: ['distrib#kali', 'kali'], kind: 'cli' },
];

export interface OsRule {
  contains?: string[];
  pattern?: RegExp;
  os: string;
  workstation: boolean;
}

/** Operating systems; order matters (phones say "like Mac OS X", cloud kernels come before desktop names). */
export const OS_RULES: OsRule[] = [
  { contains: ['distrib#kali', 'kali'], os: 'kali', workstation: true },
  { contains: ['iphone', 'ipad'], os: 'ios', workstation: false },
  { contains: ['android'], os: 'android', workstation: false },
  { contains: ['amzn2', '.amzn', 'amzn.2', 'amazon linux', 'amzn2023'], os: 'amazon-linux', workstation: false },
  // Cloud and container kernels or runtimes: a server, whatever distribution it runs.
  { pattern: /linux[/#-][0-9][^\s)]*?-(aws|gcp|gke|azure|oracle|cloud-amd64)\b/, os: 'linux', workstation: false },
  { contains: ['exec-env/aws_lambda', 'exec-env/aws_ecs', 'exec-env/cloudshell', 'environment/devshell', 'cloud-shell', 'azurecloudshell', '.metal1.'],
    os: 'linux', workstation: false },
  { contains: ['darwin', 'mac os x', 'macintosh', 'os/macos', 'macos', 'client-os/mac', 'homebrew'], os: 'macos', workstation: true },
  { contains: ['windows', 'win64', 'win32', 'wow64'], os: 'windows', workstation: true },
  { contains: ['(x11; cros'], os: 'chromeos', workstation: true },
  // Desktop Linux: a graphical session (X11) or a desktop distribution named in the user agent.
  { contains: ['x11;', 'ubuntu', 'fedora', 'manjaro', 'linux mint', 'arch linux', 'pop!_os'], os: 'linux', workstation: true },
  { contains: ['linux'], os: 'linux', workstation: false },
];

export interface ClientApplication {
  kind: InterfaceKind;
  tool: string;
  language?: string;
}

/** Entra ID client application ids (Azure Activity `claims.appid`, sign-in `appId`). Lower-case keys. */
export const AZURE_CLIENT_APPS: Record<string, ClientApplication> = {
  'c44b4083-3bb0-49c1-b47d-974e53cbdf3c': { kind: 'console', tool: 'azure-portal' },
  '74658136-14ec-4630-ad9b-26e160ff0fc6': { kind: 'console', tool: 'entra-admin-center' },
  '04b07795-8ddb-461a-bbee-02f9e1bf7b46': { kind: 'cli', tool: 'azure-cli', language: 'python' },
  '1950a258-227b-4e31-a9cf-717495945fc2': { kind: 'cli', tool: 'azure-powershell', language: 'powershell' },
  '1b730954-1685-4b74-9bfd-dac224a7b894': { kind: 'cli', tool: 'azuread-powershell', language: 'powershell' },
  '14d82eec-204b-4c2f-b7e8-296a70dab67e': { kind: 'cli', tool: 'graph-powershell', language: 'powershell' },
  'aebc6443-996d-45c2-90f0-388ff96faa56': { kind: 'sdk', tool: 'vscode' },
  '499b84ac-1321-427f-aa17-267ca6975798': { kind: 'ci', tool: 'azure-devops' },
};

/** GCP principals that are Google acting for itself (service agents). */
export const GCP_SERVICE_AGENT_MARKERS = ['@gcp-sa-', '@cloudservices.gserviceaccount.com', '@system.gserviceaccount.com',
  '@container-engine-robot.iam.gserviceaccount.com', '@compute-system.iam.gserviceaccount.com', '@cloudbuild.gserviceaccount.com'];
