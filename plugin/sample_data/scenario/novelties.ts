/**
 * Benign novelties in the sample day: legitimate activity that looks new for its identity. They are part of the
 * identities' definitions (scenario/identities); this list describes them for labels.json.
 */
import type { CloudProvider } from '../../../common/audit_event';
import type { Directory } from './directory';
import { AWS_ACCOUNTS } from './org';

export interface BenignNovelty {
  id: string;
  provider: CloudProvider;
  description: string;
  rootIdentity: (dir: Directory) => string;
}

export const BENIGN_NOVELTIES: readonly BenignNovelty[] = [
  {
    id: 'aws-new-home-ip-reads',
    provider: 'aws',
    description: 'priya.sharma uses her usual aws-cli from a new address of her usual home ISP (12:05-13:10 UTC), reads only',
    rootIdentity: () => `arn:aws:iam::${AWS_ACCOUNTS.dev.id}:user/priya.sharma`,
  },
  {
    id: 'aws-oncall-cloudshell-reads',
    provider: 'aws',
    description: 'chen.wei (on call) signs in with MFA from home and opens CloudShell at 09:34 UTC to look at instances and logs',
    rootIdentity: () => `arn:aws:iam::${AWS_ACCOUNTS.prod.id}:user/chen.wei`,
  },
  {
    id: 'aws-new-ci-runner',
    provider: 'aws',
    description: 'a GitHub Actions run at 15:12 UTC comes from a runner range not seen before (same provider), same role and Terraform',
    rootIdentity: () => `arn:aws:iam::${AWS_ACCOUNTS.prod.id}:role/github-actions-deploy`,
  },
];
