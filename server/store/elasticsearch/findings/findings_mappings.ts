/**
 * The findings index mapping, as data. `dynamic: false`: fields not listed stay in `_source` (the UI reads them)
 * without growing the mapping; every field the store filters, searches or sorts on is listed, with the ECS fields
 * Security and dashboards use. Bump FINDINGS_MAPPING_VERSION with any change: ensureInstalled() then upgrades the
 * template and puts the mapping on existing indices, so changes must be additive (a field's type cannot change).
 */
import type { estypes } from '@elastic/elasticsearch';

export const FINDINGS_MAPPING_VERSION = 1;

const keyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 1024 };
const date: estypes.MappingProperty = { type: 'date' };
const long: estypes.MappingProperty = { type: 'long' };
const float: estypes.MappingProperty = { type: 'float' };
const bool: estypes.MappingProperty = { type: 'boolean' };
/** The analytic only writes IP literals there; a malformed one must not cost the whole finding. */
const ip: estypes.MappingProperty = { type: 'ip', ignore_malformed: true };
const text: estypes.MappingProperty = { type: 'match_only_text' };

const object = (properties: Record<string, estypes.MappingProperty>): estypes.MappingProperty => ({ type: 'object', properties });

export const findingsMappings: estypes.MappingTypeMapping = {
  dynamic: false,
  _meta: { version: FINDINGS_MAPPING_VERSION, managed_by: 'cloud_api_abuse' },
  properties: {
    '@timestamp': date,
    message: text,
    event: object({
      kind: keyword,
      module: keyword,
      dataset: keyword,
      category: keyword,
      type: keyword,
      start: date,
      end: date,
      risk_score: float,
      severity: long,
    }),
    cloud: object({ provider: keyword, account: object({ id: keyword }), region: keyword }),
    user: object({ id: keyword, name: keyword }),
    source: object({ ip, geo: object({ country_iso_code: keyword }), as: object({ number: long }) }),
    user_agent: object({ original: keyword }),
    threat: object({
      framework: keyword,
      tactic: object({ name: keyword }),
      technique: object({ id: keyword, name: keyword }),
    }),
    kibana: object({
      alert: object({
        severity: keyword,
        risk_score: float,
        reason: { type: 'keyword', ignore_above: 1024, fields: { text } },
        original_time: date,
      }),
    }),
    cloud_api_abuse: object({
      finding_id: keyword,
      schema_version: { type: 'short' },
      root_identity: object({ provider: keyword, id: keyword, type: keyword, name: keyword, account: keyword, human: keyword }),
      shift: object({
        kind: keyword,
        event_id: keyword,
        time: date,
        after: object({ network: keyword, ip, country: keyword, asn: long, interface: keyword, tool: keyword, user_agent: keyword, mfa: bool }),
      }),
      chain: object({
        first_seen: date,
        last_seen: date,
        event_count: long,
        services: keyword,
        accounts: keyword,
        regions: keyword,
      }),
      techniques: object({ id: keyword, name: keyword }),
      reasons: object({ code: keyword, weight: float }),
      // An array of objects, mapped as object (not nested): each field is searchable across the chain's evidence.
      evidence: object({
        event_id: keyword,
        action: keyword,
        service: keyword,
        principal: keyword,
        credential_id: keyword,
        source_ip: ip,
        stage: keyword,
        provider: keyword,
      }),
      workflow: object({ status: keyword, updated_at: date, updated_by: keyword, note: text }),
      automation: object({ name: keyword }),
    }),
  },
};

/** One primary (findings are few and read by one space), a replica when the cluster has a second node. */
export const findingsIndexSettings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  auto_expand_replicas: '0-1',
  hidden: true,
};
