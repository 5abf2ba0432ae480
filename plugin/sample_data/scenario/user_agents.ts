/** User agents as the providers log them, one family per tool and platform. */

export const BROWSER = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
} as const;

export type BrowserName = keyof typeof BROWSER;

/** How the Entra sign-in log describes each browser. */
export const BROWSER_DETAIL: Record<BrowserName, { operatingSystem: string; browser: string }> = {
  chromeMac: { operatingSystem: 'MacOs', browser: 'Chrome 131.0.0' },
  chromeWindows: { operatingSystem: 'Windows10', browser: 'Chrome 131.0.0' },
  edgeWindows: { operatingSystem: 'Windows10', browser: 'Edge 131.0.2903' },
  firefoxLinux: { operatingSystem: 'Linux', browser: 'Firefox 132.0' },
  safariMac: { operatingSystem: 'MacOs', browser: 'Safari 18.1' },
};

export type LaptopOs = 'macos' | 'windows' | 'linux';

const AWS_CLI_PLATFORM: Record<LaptopOs, string> = {
  macos: 'Python/3.12.6 Darwin/23.6.0 exe/x86_64',
  windows: 'Python/3.12.6 Windows/10 exe/AMD64',
  linux: 'Python/3.12.6 Linux/6.8.0-45-generic exe/x86_64.ubuntu.24',
};

/** aws-cli v2 names the command it runs: `command/s3.ls`. */
export function awsCli(os: LaptopOs, command: string, version = '2.17.50'): string {
  return `aws-cli/${version} ${AWS_CLI_PLATFORM[os]} prompt/off command/${command}`;
}

/** aws-cli inside AWS CloudShell. */
export function awsCliCloudShell(command: string): string {
  return `aws-cli/2.18.4 Python/3.12.6 Linux/6.1.109-118.189.amzn2023.x86_64 exec-env/CloudShell exe/x86_64.amzn.2023 prompt/off command/${command}`;
}

export const AWS_UA = {
  boto3Linux:
    'Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#6.1.0-25-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.36',
  boto3Jenkins: 'Boto3/1.26.165 Python/3.10.12 Linux/5.15.0-1051-aws Botocore/1.29.165',
  boto3Laptop:
    'Boto3/1.35.20 md/Botocore#1.35.20 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.20',
  boto3Ec2:
    'Boto3/1.34.162 md/Botocore#1.34.162 ua/2.0 os/linux#6.1.112-122.189.amzn2023.x86_64 md/arch#x86_64 lang/python#3.9.20 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.162',
  ssmAgent: 'aws-sdk-go/1.55.5 (go1.22.6; linux; amd64) amazon-ssm-agent/3.3.987.0',
  cloudwatchAgent: 'CWAgent/1.300049.1 (go1.22.7; linux; amd64) aws-sdk-go/1.55.5 (go1.22.7; linux; amd64)',
  awsCliEc2:
    'aws-cli/2.17.18 Python/3.11.9 Linux/6.1.112-122.189.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/s3.cp',
  javaSdkEks:
    'aws-sdk-java/2.28.16 Linux/5.10.225-213.878.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.4+7-LTS Java/21.0.4 vendor/Eclipse_Adoptium io/sync http/Apache cfg/retry-mode/legacy',
  boto3Lambda:
    'Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.145',
  githubOidc:
    'aws-sdk-js/3.651.1 ua/2.0 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.17.0 api/sts#3.651.1 configure-aws-credentials-for-github-actions',
  saml2aws: 'aws-sdk-go/1.55.5 (go1.22.5; darwin; arm64)',
  consoleS3:
    '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.226-192.879.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.412-b09 java/1.8.0_412 vendor/Oracle_Corporation cfg/retry-mode/standard]',
  consoleEc2: 'console.ec2.amazonaws.com',
  console: 'console.amazonaws.com',
  internal: 'AWS Internal',
} as const;

/** aws-sdk-go-v2 names the API client: `api/sqs#1.34.8`. */
export function awsGoV2(service: string, extra = ''): string {
  return `aws-sdk-go-v2/1.30.5 os/linux lang/go#1.22.7 md/GOOS#linux md/GOARCH#amd64 api/${service}#1.34.8${extra}`;
}

/** Terraform's AWS provider also names the API client. */
export function terraformAws(service: string): string {
  return `APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.75.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.3 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/${service}#1.187.0`;
}

export function awsJsLambda(service: string): string {
  return `aws-sdk-js/3.637.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.17.0 api/${service}#3.637.0 exec-env/AWS_Lambda_nodejs20.x`;
}

// GCP: the Google front end appends ",gzip(gfe)" to what the client sent.

const GCLOUD_PLATFORM: Record<LaptopOs, string> = {
  macos: 'client-os/MACOSX client-os-ver/23.6.0 client-pltf-arch/arm interactive/True from-script/False python/3.12.7 term/xterm-256color (Macintosh; Intel Mac OS X 23.6.0)',
  windows: 'client-os/WINDOWS client-os-ver/10.0.22631 client-pltf-arch/x86_64 interactive/True from-script/False python/3.12.7 term/ (Windows NT 10.0.22631)',
  linux: 'client-os/LINUX client-os-ver/6.8.0 client-pltf-arch/x86_64 interactive/True from-script/False python/3.12.7 term/xterm-256color (Linux 6.8.0-45-generic)',
};

export function gcloud(os: LaptopOs, command: string, invocationId: string): string {
  return `google-cloud-sdk gcloud/502.0.0 command/${command} invocation-id/${invocationId} environment/None environment-version/None ${GCLOUD_PLATFORM[os]},gzip(gfe)`;
}

/** gcloud inside Google Cloud Shell: `environment/devshell`. */
export function gcloudCloudShell(command: string, invocationId: string): string {
  return `google-cloud-sdk gcloud/502.0.0 command/${command} invocation-id/${invocationId} environment/devshell environment-version/None client-os/LINUX client-os-ver/6.6.56 client-pltf-arch/x86_64 interactive/True from-script/False python/3.12.7 term/screen (Linux 6.6.56+),gzip(gfe)`;
}

export const GCP_UA = {
  terraform:
    'Terraform/1.9.8 (+https://www.terraform.io) Terraform-Plugin-SDK/2.33.0 terraform-provider-google/6.12.0,gzip(gfe)',
  githubAuth: 'google-github-actions:auth/2.1.7,gzip(gfe)',
  gkeMetadata: 'google-api-go-client/0.5 gke-metadata-server,gzip(gfe)',
  goStorage: 'gcloud-golang-storage/20241022,gzip(gfe)',
  javaClient: 'gcloud-java/2.44.1 gax/2.55.0 grpc/1.68.0,gzip(gfe)',
  pythonClient: 'gl-python/3.11.10 grpc/1.66.2 gax/2.21.0 gapic/2.25.0 gccl/2.25.0,gzip(gfe)',
  pythonRequests: 'python-requests/2.32.3,gzip(gfe)',
  dockerClient: 'docker/27.3.1 go/go1.22.7 git-commit/41ca978 kernel/6.1.100+ os/linux arch/amd64 UpstreamClient(containerd/1.7.22),gzip(gfe)',
  migController: 'GCE Managed Instance Group for GKE',
} as const;

export function withGfe(ua: string): string {
  return `${ua},gzip(gfe)`;
}

// Azure: the sign-in log keeps the client's user agent; the Activity log has none (claims.appid tells the client).

export const AZURE_UA = {
  azCliWindows: 'python/3.11.9 (Windows-10-10.0.22631-SP0) AZURECLI/2.66.0 (MSI)',
  azCliMac: 'python/3.12.7 (macOS-15.1-arm64-arm-64bit) AZURECLI/2.66.0 (HOMEBREW)',
  azCliLinux: 'python/3.12.3 (Linux-6.8.0-48-generic-x86_64-with-glibc2.39) AZURECLI/2.66.0 (DEB)',
  azCliPip: 'python/3.11.2 (Linux-6.1.0-26-cloud-amd64-x86_64-with-glibc2.36) AZURECLI/2.65.0 (PIP)',
  terraform: 'Go/go1.23.2 (amd64-linux) go-autorest/v14.2.1 hashicorp/go-azure-sdk/resources/2022-09-01 HashiCorp Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-azurerm/4.10.0',
  msal: 'Microsoft.Identity.Client/4.66.1.0',
} as const;
