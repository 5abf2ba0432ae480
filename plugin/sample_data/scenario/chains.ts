/** The attack chains injected into the sample day, one definition per file in chains/, in story order. */
import { awsAssumeRoleChainAdmin } from '../chains/aws_assume_role_chain_admin';
import { awsConsoleCloudShell } from '../chains/aws_console_cloudshell';
import { awsInstanceCredentialsExfiltrated } from '../chains/aws_instance_credentials_exfiltrated';
import { awsReconThenLoggingTamper } from '../chains/aws_recon_then_logging_tamper';
import { awsStolenAccessKey } from '../chains/aws_stolen_access_key';
import { azureCloudShellPrivileged } from '../chains/azure_cloudshell_privileged';
import { azureSignInNewLocationRunCommand } from '../chains/azure_signin_new_location_runcommand';
import type { ChainDefinition } from '../chains/chain';
import { gcpCloudShellPrivileged } from '../chains/gcp_cloudshell_privileged';
import { gcpSaImpersonationStartupScript } from '../chains/gcp_sa_impersonation_startup_script';

export const ATTACK_CHAINS: readonly ChainDefinition[] = [
  awsStolenAccessKey,
  awsAssumeRoleChainAdmin,
  awsInstanceCredentialsExfiltrated,
  awsConsoleCloudShell,
  gcpCloudShellPrivileged,
  azureCloudShellPrivileged,
  gcpSaImpersonationStartupScript,
  azureSignInNewLocationRunCommand,
  awsReconThenLoggingTamper,
];
