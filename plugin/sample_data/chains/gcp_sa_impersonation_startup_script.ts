/**
 * hiro.tanaka uses the Cloud Console from Amsterdam. At 16:02 his identity, from a VPS in Singapore with gcloud on
 * Linux, impersonates the privileged deploy-admin service account (iamcredentials GenerateAccessToken, in the
 * data_access log); as deploy-admin, with his name in serviceAccountDelegationInfo, it adds a startup-script to a
 * production VM and resets the VM so that the script runs as root.
 */
import type { GcpCaller } from '../records/gcp_audit';
import { gcpMethod } from '../records/gcp_methods';
import { hostIp } from '../scenario/networks';
import { GCP_PROJECTS } from '../scenario/org';
import { personOf } from '../scenario/people';
import { gcloud } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { GcpChain, type GcpStep } from './chain_builder';

const project = GCP_PROJECTS.prod;
const TARGET_VM = 'api-gateway-1';

export const gcpSaImpersonationStartupScript: ChainDefinition = {
  id: 'gcp-sa-impersonation-startup-script',
  title: 'A GCP user impersonates a privileged service account to add a startup-script to a VM and reset it',
  provider: 'gcp',
  techniques: ['T1078.004', 'T1550.001', 'T1098', 'T1037', 'T1651'],
  build(ctx) {
    const hiro = personOf('hiro.tanaka');
    const sa = `deploy-admin@${project.id}.iam.gserviceaccount.com`;
    const saId = ctx.dir.gcpUniqueId(sa);
    const ip = hostIp('attacker-vultr-sg', 91);
    const chain = new GcpChain(ctx, '16:02:50', project);
    const asHiro = (command: string): GcpCaller => ({
      email: hiro.email,
      principalSubject: `user:${hiro.email}`,
      callerIp: ip,
      userAgent: gcloud('linux', command, ctx.rng.hex(16)),
    });
    const asSa = (command: string): GcpCaller => ({
      email: sa,
      principalSubject: `serviceAccount:${sa}`,
      delegation: [{ firstPartyPrincipal: { principalEmail: hiro.email } }],
      callerIp: ip,
      userAgent: gcloud('linux', command, ctx.rng.hex(16)),
    });
    const impersonated: GcpStep[] = [
      { method: 'compute.instances.list', gap: [2, 5] },
      { method: 'compute.instances.setMetadata', gap: [60, 180], args: { instance: TARGET_VM, metadataKey: 'startup-script' } },
      { method: 'compute.instances.reset', gap: [30, 90], args: { instance: TARGET_VM } },
    ];
    let first = true;
    for (const step of impersonated) {
      const command = gcpMethod(step.method).gcloud;
      chain.call(
        { method: 'iamcredentials.GenerateAccessToken', gap: first ? 0 : step.gap, args: { serviceAccount: sa, serviceAccountId: saId } },
        asHiro(command),
      );
      chain.call({ ...step, gap: [1, 2] }, asSa(command));
      first = false;
    }
    return { rootIdentity: hiro.email, events: chain.events };
  },
};
