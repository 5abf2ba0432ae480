import type { AuditEvent } from '../../../common/audit_event';

/**
 * Reads the catalog does not list one by one still count as reconnaissance (explicit: false). What a read looks like
 * per provider is data here; `isGenericRead` applies it.
 */
export const GENERIC_READS = {
  aws: {
    /** eventName prefixes that read, followed by an upper-case letter or the end (ListUsers, not Listener...). */
    prefixes: ['Describe', 'List', 'Get', 'Search', 'Lookup', 'BatchGet', 'BatchDescribe', 'Head'],
    /** readOnly events of these services are cryptography or sign-in, not looking around. */
    readOnlyExceptServices: ['kms.amazonaws.com', 'sts.amazonaws.com', 'signin.amazonaws.com', 'sso.amazonaws.com'],
  },
  gcp: {
    /** Prefixes of the last methodName segment: compute.instances.list, ListSinks, getIamPolicy, aggregatedList. */
    prefixes: ['get', 'list', 'aggregatedList', 'search', 'lookup', 'watch'],
  },
  azure: {
    /** Azure operations that read end with /READ. */
    suffix: '/READ',
  },
} as const;

const AWS_READONLY_EXCEPT = new Set<string>(GENERIC_READS.aws.readOnlyExceptServices);
const GCP_PREFIXES = GENERIC_READS.gcp.prefixes.map((prefix) => prefix.toLowerCase());
const AZURE_READ_SUFFIX = GENERIC_READS.azure.suffix.toLowerCase();

export function isGenericRead(event: AuditEvent): boolean {
  const rule = genericReadRule(event.provider, event.service, event.action);
  return rule.always || (rule.ifReadOnly && event.readOnly === true);
}

/**
 * `isGenericRead` split by what it depends on, so a caller can decide once per (provider, service, action):
 * `always` (the action's name reads), `ifReadOnly` (the event is a read when it says readOnly: AWS only).
 */
export interface GenericReadRule {
  always: boolean;
  ifReadOnly: boolean;
}

export function genericReadRule(provider: string, service: string, action: string): GenericReadRule {
  switch (provider) {
    case 'aws':
      return {
        always: startsWithWord(action, 0, GENERIC_READS.aws.prefixes, false),
        ifReadOnly: !AWS_READONLY_EXCEPT.has(service),
      };
    case 'gcp':
      return { always: startsWithWord(action, action.lastIndexOf('.') + 1, GCP_PREFIXES, true), ifReadOnly: false };
    case 'azure':
      if (isKubernetesMethod(action)) {
        return { always: startsWithWord(action, action.lastIndexOf('.') + 1, GCP_PREFIXES, true), ifReadOnly: false };
      }
      return { always: endsWithIgnoringCase(action, AZURE_READ_SUFFIX), ifReadOnly: false };
    default:
      return { always: false, ifReadOnly: false };
  }
}

/** A Kubernetes audit method as GKE names it, which the AKS normalizer reuses: io.k8s.core.v1.pods.list. */
export function isKubernetesMethod(action: string): boolean {
  return action.length > 7 && regionMatchesLowerCase(action, 0, 'io.k8s.');
}

/** `text` at `start` begins with one of the prefixes, followed by the end or an upper-case letter. No allocation. */
function startsWithWord(text: string, start: number, prefixes: readonly string[], ignoreCase: boolean): boolean {
  for (const prefix of prefixes) {
    const end = start + prefix.length;
    if (end > text.length) continue;
    if (!(ignoreCase ? regionMatchesLowerCase(text, start, prefix) : text.startsWith(prefix, start))) continue;
    if (end === text.length) return true;
    const next = text.charCodeAt(end);
    if (next >= 65 && next <= 90) return true;
  }
  return false;
}

/** `text` at `start` equals `lower` (already lower-case ASCII), ignoring the case of ASCII letters in `text`. */
function regionMatchesLowerCase(text: string, start: number, lower: string): boolean {
  for (let index = 0; index < lower.length; index++) {
    let code = text.charCodeAt(start + index);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lower.charCodeAt(index)) return false;
  }
  return true;
}

function endsWithIgnoringCase(text: string, lowerSuffix: string): boolean {
  return text.length >= lowerSuffix.length && regionMatchesLowerCase(text, text.length - lowerSuffix.length, lowerSuffix);
}
