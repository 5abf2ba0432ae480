/** Elasticsearch implementations of the services the REST routes use besides findings: coverage, evidence, automation, identity profiles. */
export { ElasticsearchCoverage, type ElasticsearchCoverageOptions } from './elasticsearch_coverage';
export { ElasticsearchEvidenceStore, MAX_DOCS_PER_MGET, type ElasticsearchEvidenceStoreOptions, type EvidenceRecord } from './evidence_store';
export {
  AUTOMATION_DOCUMENT_ID,
  AutomationConflictError,
  ElasticsearchAutomationStore,
  configIndexName,
  type ElasticsearchAutomationStoreOptions,
} from './automation_store';
export { ElasticsearchIdentityStore, identitiesIndexName, literalWildcard, type ElasticsearchIdentityStoreOptions } from './identity_store';
