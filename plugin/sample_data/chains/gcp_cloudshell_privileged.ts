/**
 * gina.rossi works with gcloud on her Mac from Milan. At 14:06 her account runs gcloud inside Cloud Shell
 * (`environment/devshell`, a Google address, never used by her): reads the project policy, grants roles/owner to an
 * outside Gmail account and creates a key for the privileged deploy service account.
 */
import type { GcpCaller } from '../records/gcp_audit';
import { hostIp } from '../scenario/networks';
import { GCP_PROJECTS } from '../scenario/org';
import { personOf } from '../scenario/people';
import { gcloudCloudShell } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { GcpChain, type GcpStep } from './chain_builder';
import { gcpMethod } from '../records/gcp_methods';

const project = GCP_PROJECTS.prod;
const OUTSIDER = 'user:nw-it-support.desk@gmail.com';

export const gcpCloudShellPrivileged: ChainDefinition = {
  id: 'gcp-cloudshell-privileged',
  title: 'A GCP user in Cloud Shell for the first time grants roles/owner to an outside account and creates a service-account key',
  provider: 'gcp',
  techniques: ['T1078.004', 'T1059.009', 'T1098.003', 'T1098.001'],
  build(ctx) {
    const gina = personOf('gina.rossi');
    const deployAdmin = `deploy-admin@${project.id}.iam.gserviceaccount.com`;
    const ip = hostIp('gcp-cloudshell-europe', 3391);
    const chain = new GcpChain(ctx, '14:06:30', project);
    const steps: GcpStep[] = [
      { method: 'resourcemanager.GetProject', gap: 0 },
      { method: 'resourcemanager.GetIamPolicy', gap: [20, 50] },
      { method: 'iam.ListServiceAccounts', gap: [15, 40] },
      { method: 'compute.instances.aggregatedList', gap: [10, 30] },
      { method: 'resourcemanager.GetIamPolicy', gap: [60, 150] },
      { method: 'resourcemanager.SetIamPolicy', gap: [1, 3], args: { addMember: OUTSIDER, addRole: 'roles/owner' } },
      { method: 'iam.CreateServiceAccountKey', gap: [40, 120], args: { serviceAccount: deployAdmin, serviceAccountId: ctx.dir.gcpUniqueId(deployAdmin) } },
      { method: 'storage.buckets.list', gap: [20, 60] },
    ];
    for (const step of steps) {
      const caller: GcpCaller = {
        email: gina.email,
        principalSubject: `user:${gina.email}`,
        callerIp: ip,
        userAgent: gcloudCloudShell(gcpMethod(step.method).gcloud, ctx.rng.hex(16)),
      };
      chain.call(step, caller);
    }
    return { rootIdentity: gina.email, events: chain.events };
  },
};
