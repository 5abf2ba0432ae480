/**
 * The Azure integration's shared pipeline: `cloud.provider`, and the parts of the resource id its grok patterns
 * find (`azure.subscription_id`, `azure.resource.{group,provider,name,namespace,authorization_rule}`), then the id
 * itself as `azure.resource.id`. Patterns are tried in the pipeline's order, each in its upper-case and its
 * camel-case spelling (grok is case-sensitive), the later ones only while no subscription was found.
 */
import type { Json } from './ecs_document';

const SUB = '(\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?)';
/** PROVIDERNAME of the second pattern: Namespace.Provider/type plus one more character, backtracked as needed. */
const PROVIDER_TYPE = '([A-Za-z]\\w+.[A-Za-z]\\w+/[A-Za-z]\\w+.)';
/** PROVIDERNAME of the later patterns. */
const PROVIDER_TYPE_2 = '([A-Za-z]\\w+.[A-Za-z]\\w+/[A-Za-z][^/]\\w+)';

interface Spelling {
  subscriptions: string;
  resourceGroups: string;
  providers: string;
  namespaces: string;
  authorizationRules: string;
}

const SPELLINGS: Spelling[] = [
  { subscriptions: 'SUBSCRIPTIONS', resourceGroups: 'RESOURCEGROUPS', providers: 'PROVIDERS', namespaces: 'NAMESPACES', authorizationRules: 'AUTHORIZATIONRULES' },
  { subscriptions: 'subscriptions', resourceGroups: 'resourceGroups', providers: 'providers', namespaces: 'namespaces', authorizationRules: 'authorizationRules' },
];

type Field = 'subscription_id' | 'group' | 'provider' | 'name' | 'namespace' | 'authorization_rule';

interface Pattern {
  /** One regular expression per spelling; the first that matches wins. */
  regexes: RegExp[];
  fields: Field[];
  /** Run only while no subscription has been found. */
  needsNoSubscription: boolean;
}

function pattern(source: (s: Spelling) => string, fields: Field[], needsNoSubscription: boolean): Pattern {
  return { regexes: SPELLINGS.map((s) => new RegExp(source(s))), fields, needsNoSubscription };
}

const PATTERNS: Pattern[] = [
  pattern(
    (s) => `/${s.subscriptions}/${SUB}/${s.resourceGroups}/(.+)/${s.providers}/(.+)/${s.namespaces}/(.+)/${s.authorizationRules}/(.+)`,
    ['subscription_id', 'group', 'provider', 'namespace', 'authorization_rule'],
    false,
  ),
  pattern(
    (s) => `/${s.subscriptions}/${SUB}/${s.resourceGroups}/(.+)/${s.providers}/${PROVIDER_TYPE}/((?:(?!AUTHORIZATIONRULES).)*)$`,
    ['subscription_id', 'group', 'provider', 'name'],
    true,
  ),
  pattern(
    (s) => `/${s.subscriptions}/${SUB}/${s.resourceGroups}/(.+)/${s.providers}/${PROVIDER_TYPE_2}/(.+)`,
    ['subscription_id', 'group', 'provider', 'name'],
    true,
  ),
  pattern((s) => `/${s.providers}/(.+)`, ['provider'], true),
  pattern((s) => `/${s.subscriptions}/${SUB}/${s.providers}/${PROVIDER_TYPE_2}`, ['subscription_id', 'provider'], true),
  pattern((s) => `/${s.subscriptions}/${SUB}/${s.resourceGroups}/(.+)`, ['subscription_id', 'group'], true),
  pattern((s) => `/${s.subscriptions}/${SUB}`, ['subscription_id'], true),
];

/** Fills `azure` (subscription_id, resource.*) from a resource id, and sets `cloud.provider`. */
export function addAzureResource(azure: Json, cloud: Json, resourceId: string | undefined): void {
  cloud.provider = 'azure';
  if (resourceId === undefined) return;
  const resource: Json = {};
  let subscription: string | undefined;
  for (const p of PATTERNS) {
    if (p.needsNoSubscription && subscription !== undefined) continue;
    for (const regex of p.regexes) {
      const m = regex.exec(resourceId);
      if (m === null) continue;
      p.fields.forEach((field, i) => {
        const value = m[i + 1];
        if (field === 'subscription_id') subscription = value;
        else resource[field] = value;
      });
      break;
    }
  }
  if (subscription !== undefined) azure.subscription_id = subscription;
  resource.id = resourceId;
  azure.resource = resource;
}
