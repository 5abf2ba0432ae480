/**
 * Findings for the summary's tests (Elasticsearch and SQLite): the analytic's real AWS chains, and two hand-made
 * chains from GCP and Azure with what the summary must get right: a chain across two projects, a recon call beside
 * privileged ones, the same privileged call repeated within one chain.
 */
import type { FindingDocument } from '../../../../common/finding';
import { makeFinding } from '../../../../test/support/fake_kibana/finding_fixture';
import { realFindings } from './test_support';

export const GCP_ROOT = 'ci-deployer@northwind-prod-4821.iam.gserviceaccount.com';
export const AZURE_ROOT = 'ops-admin@contoso.onmicrosoft.com';

/** A GCP service account that impersonated into a second project, listed service accounts, then set IAM policy twice. */
export function gcpChain(): FindingDocument {
  const f = makeFinding({
    id: 'a7'.repeat(16),
    severity: 'critical',
    riskScore: 92,
    provider: 'gcp',
    account: 'northwind-prod-4821',
    rootId: GCP_ROOT,
    firstSeen: '2023-07-10T12:40:00.000Z',
    lastSeen: '2023-07-10T13:10:00.000Z',
    actions: ['GenerateAccessToken', 'google.iam.admin.v1.ListServiceAccounts', 'SetIamPolicy', 'SetIamPolicy', 'CreateServiceAccountKey'],
  });
  const a = f.cloud_api_abuse;
  a.evidence[0].service = 'iamcredentials.googleapis.com';
  a.evidence[1].stage = 'recon';
  for (const e of a.evidence.slice(1)) e.service = 'iam.googleapis.com';
  a.evidence[2].service = 'cloudresourcemanager.googleapis.com';
  a.evidence[3].service = 'cloudresourcemanager.googleapis.com';
  a.evidence[3].account = 'northwind-billing-1170';
  a.chain.accounts = ['northwind-prod-4821', 'northwind-billing-1170'];
  return f;
}

/** An Entra ID user who signed in from a new network and granted a role assignment, then disabled diagnostics. */
export function azureChain(): FindingDocument {
  const f = makeFinding({
    id: 'b8'.repeat(16),
    severity: 'high',
    riskScore: 70,
    provider: 'azure',
    account: '5f3a8c21-7d4e-4b96-a0c1-9e8d7f6a5b43',
    rootId: AZURE_ROOT,
    firstSeen: '2023-07-10T09:00:00.000Z',
    lastSeen: '2023-07-10T09:45:00.000Z',
    actions: ['Sign-in activity', 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE', 'MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE'],
  });
  const a = f.cloud_api_abuse;
  a.evidence[0].service = 'Microsoft.AAD';
  a.evidence[1].service = 'MICROSOFT.AUTHORIZATION';
  a.evidence[2].service = 'MICROSOFT.INSIGHTS';
  a.evidence[2].stage = 'tamper';
  return f;
}

export async function summaryFindings(): Promise<FindingDocument[]> {
  return [...(await realFindings()), gcpChain(), azureChain()];
}
