/** Who acted, and whose identity a credential ultimately belongs to when the logs do not show it being minted. */
import type { AuditEvent } from '../../common/audit_event';
import type { RootIdentity } from '../../common/finding';

const INSTANCE_ID = /^i-[0-9a-f]{8}([0-9a-f]{9})?$/;

/** Human-readable, stable name of the acting principal (ARN, email, UPN ...). */
export function principalOf(e: AuditEvent): string {
  const a = e.actor;
  if (e.provider === 'azure') return (a.name ?? a.appId ?? a.id ?? 'unknown').toLowerCase();
  return a.arn ?? a.name ?? a.id ?? a.invokedBy ?? 'unknown';
}

export function isInstanceSession(e: AuditEvent): boolean {
  return e.credential?.kind === 'instance' || (!!e.actor.sessionName && INSTANCE_ID.test(e.actor.sessionName));
}

/** Provider services acting for themselves never start chains: they are the cloud, not a tenant identity. */
export function isProviderService(e: AuditEvent): boolean {
  return e.actor.type === 'service';
}

/**
 * The root identity of a credential seen without the event that minted it: the IAM user, the compute resource for
 * instance credentials (DESIGN §3.2), the role when nothing better is known, the Google or Entra principal.
 */
export function rootIdentityOf(e: AuditEvent): RootIdentity {
  const a = e.actor;
  const account = a.account ?? e.account;
  const base = { provider: e.provider, account, human: a.human };
  if (e.provider === 'aws') {
    if (a.type === 'role' && isInstanceSession(e) && a.sessionName) {
      const region = e.region ?? 'unknown';
      return { ...base, type: 'instance', name: a.sessionName, id: `arn:aws:ec2:${region}:${account}:instance/${a.sessionName}` };
    }
    if (a.type === 'role') {
      const roleArn = a.issuer ?? a.arn ?? a.id ?? 'unknown';
      return { ...base, type: 'role', name: a.name ?? roleArn, id: roleArn };
    }
    if (a.type === 'user' && !a.arn && a.name && account) {
      return { ...base, type: 'user', name: a.name, id: `arn:aws:iam::${account}:user/${a.name}` };
    }
    if (a.type === 'service') {
      const svc = a.invokedBy ?? a.name ?? 'unknown';
      return { ...base, type: 'service', name: svc, id: `service:${svc}` };
    }
    const id = a.arn ?? a.name ?? a.id ?? 'unknown';
    return { ...base, type: a.type, name: a.name ?? id, id };
  }
  // An impersonated service account acts for the principal that started the delegation.
  const delegator = a.delegationChain?.[0];
  if (delegator) {
    // Workload identity federation subjects (principal://, principalSet://) are workloads, not people.
    const type = delegator.endsWith('.gserviceaccount.com') ? 'service_account' : /^principal(Set)?:\/\//.test(delegator) ? 'federated' : 'user';
    return { ...base, type, name: delegator, id: delegator.toLowerCase(), human: a.human ?? (type === 'user' ? delegator : undefined) };
  }
  const id = principalOf(e);
  return { ...base, type: a.type, name: a.name ?? id, id };
}

/**
 * Whether the root is a person (novelty of networks means something) or a workload (it roams provider addresses).
 * Federated principals are people only when the log names one (SAML, Identity Center); OIDC/workload identity
 * federation subjects (GitHub Actions, Kubernetes) are workloads.
 */
export function isHumanRoot(root: RootIdentity): boolean {
  return root.type === 'user' || root.type === 'root' || !!root.human;
}
