/**
 * Findings as first-class Elastic Security content: the detection rule that promotes each finding into a Security
 * alert, and the data view and dashboard over the findings index, each as the NDJSON Kibana's import takes.
 */
export { securityRule, securityRuleNdjson, SECURITY_RULE_ID, type SecurityRule } from './security_rule';
export { findingsDashboard, findingsSavedObjects, savedObjectsNdjson, DASHBOARD_ID } from './dashboard';
export { findingsDataView, DATA_VIEW_ID } from './findings_data_view';
