/**
 * The data view (`index-pattern` saved object) over one space's findings index, for the dashboard, Discover and Lens.
 *
 * Two runtime fields pair each evidence event's stage with its action. Evidence is an array of objects mapped as
 * `object`, not `nested`, so in the index `evidence.stage` and `evidence.action` are two unrelated lists: a terms
 * aggregation on the action under a stage filter would count every call of any chain that had one privileged step.
 * The pairing survives only in `_source`, which a runtime field reads per finding, emitting each `service:action` of
 * that stage once (Elasticsearch allows a runtime field at most 100 values per document).
 */
import type { ChainStage } from '../../common/finding';
import { checkIndex, type ExportedSavedObject } from './saved_object';

export const DATA_VIEW_ID = 'cloud-api-abuse-findings';
export const TIME_FIELD = '@timestamp';

export const PRIVILEGED_ACTION_FIELD = 'cloud_api_abuse.privileged_action';
export const TAMPER_ACTION_FIELD = 'cloud_api_abuse.tamper_action';

/** The `_source` paths the runtime scripts read (all mapped, so the tests hold them to the mapping too). */
export const RUNTIME_SOURCE_FIELDS = ['cloud_api_abuse.evidence.stage', 'cloud_api_abuse.evidence.service', 'cloud_api_abuse.evidence.action'];

const MAX_RUNTIME_VALUES = 100;

/** Painless: distinct `service:action` of the evidence events at `stage`. */
export function stageActionScript(stage: ChainStage): string {
  return [
    "def abuse = params._source['cloud_api_abuse'];",
    'if (abuse == null) { return; }',
    "def evidence = abuse['evidence'];",
    'if (!(evidence instanceof List)) { return; }',
    'Set seen = new HashSet();',
    'for (def e : evidence) {',
    `  if (seen.size() >= ${MAX_RUNTIME_VALUES}) { break; }`,
    `  if (!(e instanceof Map) || e['stage'] != '${stage}' || e['action'] == null) { continue; }`,
    "  String action = e['service'] == null ? e['action'].toString() : e['service'] + ':' + e['action'];",
    '  if (seen.add(action)) { emit(action); }',
    '}',
  ].join('\n');
}

export interface RuntimeField {
  type: 'keyword';
  script: { source: string };
}

export const RUNTIME_FIELDS: Record<string, RuntimeField> = {
  [PRIVILEGED_ACTION_FIELD]: { type: 'keyword', script: { source: stageActionScript('privileged') } },
  [TAMPER_ACTION_FIELD]: { type: 'keyword', script: { source: stageActionScript('tamper') } },
};

/** Labels Discover and Lens show instead of field names. */
const FIELD_LABELS: Record<string, string> = {
  'kibana.alert.severity': 'Severity',
  'kibana.alert.risk_score': 'Risk score',
  'kibana.alert.reason': 'Reason',
  'cloud_api_abuse.root_identity.id': 'Root identity',
  'cloud_api_abuse.root_identity.human': 'Accountable human',
  'cloud_api_abuse.chain.accounts': 'Accounts in the chain',
  'cloud_api_abuse.workflow.status': 'Workflow status',
  [PRIVILEGED_ACTION_FIELD]: 'Privileged action',
  [TAMPER_ACTION_FIELD]: 'Logging tamper action',
};

export interface DataViewAttributes {
  title: string;
  name: string;
  timeFieldName: string;
  fields: string;
  fieldAttrs: string;
  fieldFormatMap: string;
  runtimeFieldMap: string;
  typeMeta: string;
}

export function findingsDataView(index: string): ExportedSavedObject<DataViewAttributes> {
  return {
    id: DATA_VIEW_ID,
    type: 'index-pattern',
    attributes: {
      title: checkIndex(index),
      name: 'Cloud API Abuse findings',
      timeFieldName: TIME_FIELD,
      fields: '[]',
      fieldAttrs: JSON.stringify(Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, customLabel]) => [field, { customLabel }]))),
      fieldFormatMap: '{}',
      runtimeFieldMap: JSON.stringify(RUNTIME_FIELDS),
      typeMeta: '{}',
    },
    references: [],
    coreMigrationVersion: '8.8.0',
    typeMigrationVersion: '8.0.0',
    managed: false,
  };
}
