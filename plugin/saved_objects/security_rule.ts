/**
 * The Security detection rule that promotes findings into Security alerts: a custom query rule over the findings
 * index of one Kibana space, importable with `POST /api/detection_engine/rules/_import` (Security > Rules > Import).
 *
 * Why a query rule: the Alerts page shows only alerts of Security's own rule types (kibana-contracts.md §0.4), and a
 * query rule copies the finding's ECS fields (user, source, cloud, threat, event -> kibana.alert.original_event) into
 * its alert. What carries what, as Security's rule executor does it (security_solution rule_types/factories/utils):
 * - severity and risk score: `severity_mapping` / `risk_score_mapping` read the finding's `kibana.alert.severity` and
 *   `kibana.alert.risk_score` from `_source` before anything else happens;
 * - the finding's reason: Security drops every `kibana.*` field of the source document and writes its own
 *   `kibana.alert.reason` ("<category> event with source <ip> by <user.name> created <severity> alert <rule name>."),
 *   so the only way our reason reaches the alert is as the rule name: `rule_name_override` on `kibana.alert.reason`
 *   (a keyword) makes it the alert's `kibana.alert.rule.name` and, through it, part of its `kibana.alert.reason`;
 * - time: the alert's `kibana.alert.original_time` is the finding's `@timestamp` (the chain's last event).
 * One finding, one alert: the alert id hashes the finding's index, `_id` and the rule (the search asks for no
 * `_version`), and Security skips ids it already wrote. The alert is the chain as first detected; the finding keeps
 * growing in Cloud API Abuse under the same id.
 *
 * Needs Kibana 8.11 or later: `investigation_fields` took its object form there (8.10 refuses it; older versions
 * drop keys they do not know).
 */
import { SEVERITIES, type Severity } from '../../common/finding';
import { DEFAULT_SPACE } from '../../common/constants';
import { techniqueUrl } from '../../server/analytic/catalog/techniques';
import { findingsIndex } from '../../server/store/elasticsearch/findings/findings_index';
import { attackThreat, type Threat } from './attack_threat';
import { checkIndex, toNdjson } from './saved_object';

/** Fixed, so that importing again (`overwrite=true`) updates the rule instead of adding a second one. */
export const SECURITY_RULE_ID = '4f780217-6e2b-4dff-aa4f-4620e1898b17';

/**
 * `@timestamp` is the chain's last event, written a run or more after it happened (CloudTrail delivers up to 15
 * minutes late; the first run reads 24 hours back). The mapping has no write-time field a `timestamp_override` could
 * use, so the rule looks back past the detection's first window; re-reading a finding it already promoted is free.
 */
export const RULE_INTERVAL = '5m';
export const RULE_LOOKBACK = 'now-25h';

export const RULE_QUERY =
  'event.kind: "alert" and event.module: "cloud_api_abuse" and event.dataset: "cloud_api_abuse.finding" and not cloud_api_abuse.workflow.status: "closed"';

export interface SeverityMappingItem {
  field: string;
  operator: 'equals';
  value: string;
  severity: Severity;
}

export interface RiskScoreMappingItem {
  field: string;
  operator: 'equals';
  value: '';
}

/** The fields of Security's rule import format that this rule sets (RuleToImport, query type). */
export interface SecurityRule {
  rule_id: string;
  name: string;
  description: string;
  type: 'query';
  language: 'kuery';
  index: string[];
  query: string;
  filters: never[];
  severity: Severity;
  severity_mapping: SeverityMappingItem[];
  risk_score: number;
  risk_score_mapping: RiskScoreMappingItem[];
  rule_name_override: string;
  threat: Threat[];
  from: string;
  to: 'now';
  interval: string;
  max_signals: number;
  enabled: boolean;
  version: number;
  tags: string[];
  author: string[];
  license: string;
  references: string[];
  false_positives: string[];
  note: string;
  setup: string;
  required_fields: { name: string; type: string }[];
  investigation_fields: { field_names: string[] };
  exceptions_list: never[];
  actions: never[];
}

/** The fields the rule reads from a finding, with the type the findings mapping gives them. */
export const RULE_REQUIRED_FIELDS: SecurityRule['required_fields'] = [
  { name: '@timestamp', type: 'date' },
  { name: 'event.kind', type: 'keyword' },
  { name: 'event.module', type: 'keyword' },
  { name: 'event.dataset', type: 'keyword' },
  { name: 'cloud_api_abuse.workflow.status', type: 'keyword' },
  { name: 'kibana.alert.severity', type: 'keyword' },
  { name: 'kibana.alert.risk_score', type: 'float' },
  { name: 'kibana.alert.reason', type: 'keyword' },
];

/** Highlighted in the alert flyout: who, from where, with what, and the finding to open in Cloud API Abuse. */
export const INVESTIGATION_FIELDS = [
  'user.name',
  'user.id',
  'cloud.provider',
  'cloud.account.id',
  'source.ip',
  'user_agent.original',
  'cloud_api_abuse.root_identity.human',
  'cloud_api_abuse.shift.kind',
  'cloud_api_abuse.chain.services',
  'cloud_api_abuse.finding_id',
  'threat.technique.id',
];

const DEFAULT_RISK_SCORE = 47;

function investigationGuide(index: string): string {
  return [
    '## Triage',
    '',
    'This alert is one Cloud API Abuse finding: an attack chain that starts with an authentication-context shift (a credential minted or used from a network, country, tool or interface new for its root identity; a console or CloudShell login; an impersonation) and the recon, privileged and logging-tamper calls that followed, traced through credential lineage back to a root identity.',
    '',
    '1. The alert name is the finding\'s reason: severity, risk score, the root identity and the three heaviest reasons.',
    '2. `user.name` / `user.id` are the root identity; `cloud_api_abuse.root_identity.human` the accountable human when the logs name one.',
    '3. `source.ip`, `user_agent.original` and `cloud_api_abuse.shift.kind` are the context the chain started in.',
    '4. Open **Cloud API Abuse > Findings** and search for `cloud_api_abuse.finding_id` for the chain\'s timeline, credential lineage, every reason with its evidence events, and the raw records.',
    '',
    '## Response',
    '',
    'The finding lists its containment steps (deactivate the access key, revoke the sessions it issued, disable the service-account key) and, per privileged action, the call that undoes it.',
    '',
    '## Scope of this alert',
    '',
    `The alert is the chain as first detected. The chain keeps growing under the same finding id while its credentials are used; the finding in \`${index}\` is the current picture.`,
  ].join('\n');
}

function setupGuide(index: string): string {
  return [
    '## Setup',
    '',
    'Requires the Cloud API Abuse plugin: its detection task writes one document per attack chain into the findings index of this Kibana space.',
    '',
    `The rule reads \`${index}\` (a hidden index) with the API key of the user who installed or last enabled it: that user needs the \`read\` index privilege on it (or on \`.alerts-cloud_api_abuse.findings-*\`).`,
    '',
    'Findings an analyst closed in Cloud API Abuse before the rule saw them are not promoted.',
  ].join('\n');
}

/** The rule for the findings index of one space (`.alerts-cloud_api_abuse.findings-<space>`). */
export function securityRule(index: string = findingsIndex(DEFAULT_SPACE).name): SecurityRule {
  return {
    rule_id: SECURITY_RULE_ID,
    name: 'Cloud API Abuse: stolen or misused cloud credential',
    description:
      'Promotes each Cloud API Abuse finding into a Security alert. A finding is one attack chain on AWS, GCP or Azure: an authentication-context shift (new network, country, tool or interface for the identity; instance credentials used off the instance; console or CloudShell login; impersonation) followed by reconnaissance, privileged API calls or logging tamper, traced through credential lineage to a root identity. Severity, risk score and the alert name (the finding\'s reason) come from the finding.',
    type: 'query',
    language: 'kuery',
    index: [checkIndex(index)],
    query: RULE_QUERY,
    filters: [],
    severity: 'medium',
    severity_mapping: SEVERITIES.map((severity) => ({ field: 'kibana.alert.severity', operator: 'equals', value: severity, severity })),
    risk_score: DEFAULT_RISK_SCORE,
    risk_score_mapping: [{ field: 'kibana.alert.risk_score', operator: 'equals', value: '' }],
    rule_name_override: 'kibana.alert.reason',
    threat: attackThreat(),
    from: RULE_LOOKBACK,
    to: 'now',
    interval: RULE_INTERVAL,
    max_signals: 100,
    enabled: true,
    version: 1,
    tags: ['Cloud API Abuse', 'Domain: Cloud', 'Data Source: AWS', 'Data Source: GCP', 'Data Source: Azure', 'Use Case: Identity and Access Audit', 'Use Case: Threat Detection'],
    author: ['Cloud API Abuse'],
    license: 'Elastic License v2',
    references: ['T1078.004', 'T1550.001', 'T1059.009', 'T1651'].map(techniqueUrl),
    false_positives: [
      'Automation (CI/CD roles, infrastructure-as-code tools) not yet declared as expected automation: declare it in Cloud API Abuse > Identities, and its chains are down-weighted with that reason.',
      'An administrator working for the first time from a new network, country or tool, or after a legitimate role change.',
    ],
    note: investigationGuide(index),
    setup: setupGuide(index),
    required_fields: RULE_REQUIRED_FIELDS,
    investigation_fields: { field_names: INVESTIGATION_FIELDS },
    exceptions_list: [],
    actions: [],
  };
}

/** The import file: one rule per line. */
export function securityRuleNdjson(index?: string): string {
  return toNdjson([securityRule(index)]);
}
