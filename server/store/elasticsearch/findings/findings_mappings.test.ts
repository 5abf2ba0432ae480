import type { estypes } from '@elastic/elasticsearch';
import type { FindingDocument } from '../../../../common/finding';
import { FINDINGS_MAPPING_VERSION, findingsMappings } from './findings_mappings';
import { FIELDS, SEARCH_FIELDS, SORT_FIELDS } from './findings_query';
import { realFindings } from './test_support';

/** Leaf field paths of the mapping with their types. */
function leaves(properties: Record<string, estypes.MappingProperty> | undefined, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, field] of Object.entries(properties ?? {})) {
    const path = prefix + name;
    if ('properties' in field && field.properties !== undefined) for (const [p, t] of leaves(field.properties, `${path}.`)) out.set(p, t);
    else out.set(path, field.type ?? 'object');
  }
  return out;
}

/** Every dotted path that holds a value in a document, arrays flattened as Elasticsearch does for object fields. */
function valuePaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) valuePaths(item, prefix, out);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) valuePaths(v, prefix === '' ? k : `${prefix}.${k}`, out);
  else if (value !== undefined && value !== null) out.add(prefix);
  return out;
}

describe('findings mapping', () => {
  const mapped = leaves(findingsMappings.properties);

  it('is versioned and keeps unknown fields out of the mapping', () => {
    expect(findingsMappings.dynamic).toBe(false);
    expect(findingsMappings._meta?.version).toBe(FINDINGS_MAPPING_VERSION);
  });

  it('maps every field the store filters, searches, sorts or aggregates on, with a type that can do it', () => {
    // dynamic: false leaves unmapped fields unsearchable in Elasticsearch (the fake would still find them).
    const used = [...Object.values(FIELDS), ...SEARCH_FIELDS, ...Object.values(SORT_FIELDS)];
    for (const field of used) expect([field, mapped.has(field)]).toEqual([field, true]);
    for (const field of SEARCH_FIELDS) expect(mapped.get(field)).toBe('keyword');
    for (const field of Object.values(SORT_FIELDS)) expect(['date', 'long', 'float']).toContain(mapped.get(field));
  });

  it('names fields the analytic writes: every mapped path holds a value in real findings, optional ones aside', async () => {
    const written = new Set<string>();
    for (const f of await realFindings()) valuePaths(f as FindingDocument, '', written);
    // Optional in FindingDocument and absent from these datasets (no human, no geo/ASN enrichment, untriaged).
    const optional = new Set([
      'source.geo.country_iso_code',
      'source.as.number',
      'cloud_api_abuse.root_identity.human',
      'cloud_api_abuse.shift.after.country',
      'cloud_api_abuse.shift.after.asn',
      'cloud_api_abuse.shift.after.mfa',
      'cloud_api_abuse.workflow.updated_at',
      'cloud_api_abuse.workflow.updated_by',
      'cloud_api_abuse.workflow.note',
      'cloud_api_abuse.automation.name',
    ]);
    for (const p of optional) expect([p, mapped.has(p)]).toEqual([p, true]);
    const unwritten = [...mapped.keys()].filter((p) => !written.has(p));
    expect(unwritten.filter((p) => !optional.has(p))).toEqual([]);
  });
});
