/** The findings store on Elasticsearch: one hidden index per Kibana space under `.alerts-`, from one template. */
export { ElasticsearchFindingsStore, FindingsWriteError, type ElasticsearchFindingsStoreOptions } from './findings_store';
export { DEFAULT_FINDINGS_INDEX_PREFIX, findingsIndex, type FindingsIndex } from './findings_index';
export { FINDINGS_MAPPING_VERSION, findingsMappings, findingsIndexSettings } from './findings_mappings';
export { installFindingsIndex, findingsTemplate, type InstallOutcome } from './install';
