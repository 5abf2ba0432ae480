/**
 * Access granted to someone outside the organisation: a GCP IAM binding for an outside domain or the public, an AWS
 * trust or resource policy naming an account the logs never showed. The organisation is what the logs show: the
 * domains of its people, its projects, its accounts.
 */
import type { AuditEvent } from '../../common/audit_event';

const MAX_KNOWN = 2000;
const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);
const GOOGLE_MANAGED = /\.gserviceaccount\.com$/;
/** Google-managed service agents: service-<project number>@..., gcp-sa-* and *-system domains, numbered accounts. */
const GOOGLE_AGENT = /^(service-\d+|\d+(-compute)?)@|@(gcp-sa-[\w-]+|[\w-]+-system|[\w-]+-robot|cloudservices|developer|cloudbuild)\.(iam\.)?gserviceaccount\.com$/;

export class Organisation {
  private readonly domains = new Set<string>();
  private readonly projects = new Set<string>();
  private readonly accounts = new Set<string>();
  private readonly seenNames = new Set<string>();

  observe(e: AuditEvent): void {
    if (e.provider === 'aws') {
      add(this.accounts, e.account);
      add(this.accounts, e.actor.account);
      return;
    }
    if (e.provider === 'gcp') add(this.projects, e.account);
    const name = e.actor.name;
    if (!name || this.seenNames.has(name) || this.seenNames.size >= MAX_KNOWN) return;
    this.seenNames.add(name);
    const at = name.lastIndexOf('@');
    if (at > 0 && !GOOGLE_MANAGED.test(name)) add(this.domains, name.slice(at + 1).toLowerCase());
  }

  /** Why a GCP member is outside the organisation, or undefined when it is inside (or cannot be told). */
  outsideGcp(member: string): string | undefined {
    if (PUBLIC_MEMBERS.has(member)) return 'the public';
    const [kind, id] = splitMember(member);
    if (!id) return undefined;
    if (kind === 'domain') return this.domains.size && !this.domains.has(id.toLowerCase()) ? `the domain ${id}` : undefined;
    if (kind === 'serviceAccount') {
      if (GOOGLE_AGENT.test(id)) return undefined;
      const project = /@([^.]+)\.iam\.gserviceaccount\.com$/.exec(id)?.[1];
      return project && this.projects.size && !this.projects.has(project) ? `a service account of project ${project}` : undefined;
    }
    const domain = id.slice(id.lastIndexOf('@') + 1).toLowerCase();
    return this.domains.size && !this.domains.has(domain) && !GOOGLE_MANAGED.test(domain) ? `${domain}, not an organisation domain` : undefined;
  }

  outsideAws(principal: string): string | undefined {
    if (principal === '*') return 'anyone';
    const account = /^(\d{12})$/.exec(principal)?.[1] ?? /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
    return account && this.accounts.size && !this.accounts.has(account) ? `account ${account}, never seen in these logs` : undefined;
  }
}

function add(set: Set<string>, value: string | undefined): void {
  if (value && set.size < MAX_KNOWN) set.add(value);
}

function splitMember(member: string): [string, string | undefined] {
  const i = member.indexOf(':');
  return i < 0 ? [member, undefined] : [member.slice(0, i), member.slice(i + 1)];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** GCP members added by a SetIamPolicy call: the policy delta when logged, else every binding of the new policy. */
function gcpGrants(request: Record<string, unknown>): { role: string; member: string }[] {
  const out: { role: string; member: string }[] = [];
  const delta = (isObject(request.policyDelta) ? request.policyDelta : isObject(request.serviceData) && isObject(request.serviceData.policyDelta) ? request.serviceData.policyDelta : undefined) as
    | Record<string, unknown>
    | undefined;
  if (delta) {
    for (const d of asArray(delta.bindingDeltas)) {
      if (isObject(d) && d.action === 'ADD' && typeof d.member === 'string') out.push({ role: String(d.role ?? ''), member: d.member });
    }
    return out;
  }
  const policy = isObject(request.policy) ? request.policy : undefined;
  for (const b of asArray(policy?.bindings)) {
    if (!isObject(b)) continue;
    for (const m of asArray(b.members)) if (typeof m === 'string') out.push({ role: String(b.role ?? ''), member: m });
  }
  return out;
}

/** AWS principals allowed by a policy document (trust policy, bucket or key policy), logged as a JSON string. */
function awsPrincipals(doc: unknown): string[] {
  let policy: unknown = doc;
  if (typeof doc === 'string') {
    try {
      policy = JSON.parse(doc.length > 200_000 ? '{}' : doc);
    } catch {
      return [];
    }
  }
  if (!isObject(policy)) return [];
  const out: string[] = [];
  for (const st of asArray(policy.Statement)) {
    if (!isObject(st) || st.Effect !== 'Allow') continue;
    const p = st.Principal;
    if (p === '*') out.push('*');
    else if (isObject(p)) for (const v of asArray(p.AWS)) if (typeof v === 'string') out.push(v);
  }
  return out;
}

const AWS_POLICY_FIELDS: Record<string, string> = {
  UpdateAssumeRolePolicy: 'policyDocument',
  CreateRole: 'assumeRolePolicyDocument',
  PutBucketPolicy: 'bucketPolicy',
  PutKeyPolicy: 'policy',
  PutResourcePolicy: 'resourcePolicy',
};

/** Plain-words descriptions of every grant to an outsider made by this call. */
export function externalGrants(e: AuditEvent, org: Organisation): string[] {
  const req = e.request;
  if (!req || e.outcome === 'failure') return [];
  const out: string[] = [];
  if (e.provider === 'gcp' && /setiampolicy$/i.test(e.action)) {
    for (const g of gcpGrants(req)) {
      const why = org.outsideGcp(g.member);
      if (why) out.push(`${g.role || 'a role'} granted to ${g.member} (${why})`);
    }
  } else if (e.provider === 'aws' && AWS_POLICY_FIELDS[e.action]) {
    for (const p of awsPrincipals(req[AWS_POLICY_FIELDS[e.action]] ?? req.policy)) {
      const why = org.outsideAws(p);
      if (why) out.push(`${e.action} allows ${p} (${why})`);
    }
  }
  return [...new Set(out)].slice(0, 10);
}
