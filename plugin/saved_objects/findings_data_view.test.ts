import { findingsMappings } from '../../server/store/elasticsearch/findings/findings_mappings';
import { DATA_VIEW_ID, findingsDataView, RUNTIME_FIELDS, RUNTIME_SOURCE_FIELDS, stageActionScript } from './findings_data_view';
import { DATE_TYPES, KEYWORD_TYPES, mappedType } from './mapping_fields';

const dataView = findingsDataView('.alerts-cloud_api_abuse.findings-default');

describe('the findings data view', () => {
  it('is an index-pattern over the index, with the mapped date field as its time field', () => {
    expect(dataView).toMatchObject({ id: DATA_VIEW_ID, type: 'index-pattern', references: [], attributes: { title: '.alerts-cloud_api_abuse.findings-default' } });
    expect(DATE_TYPES.has(mappedType(dataView.attributes.timeFieldName) ?? '')).toBe(true);
    for (const key of ['fields', 'fieldAttrs', 'fieldFormatMap', 'runtimeFieldMap', 'typeMeta'] as const) expect(() => JSON.parse(dataView.attributes[key])).not.toThrow();
  });

  it('labels only fields it has', () => {
    const attrs = JSON.parse(dataView.attributes.fieldAttrs) as Record<string, { customLabel: string }>;
    for (const [field, attr] of Object.entries(attrs)) {
      expect([field, mappedType(field) !== undefined || field in RUNTIME_FIELDS]).toEqual([field, true]);
      expect(attr.customLabel.length).toBeGreaterThan(0);
    }
  });

  it('adds keyword runtime fields that do not shadow a mapped field and read mapped evidence fields', () => {
    expect(JSON.parse(dataView.attributes.runtimeFieldMap)).toEqual(RUNTIME_FIELDS);
    for (const [name, field] of Object.entries(RUNTIME_FIELDS)) {
      expect([name, mappedType(name, findingsMappings)]).toEqual([name, undefined]);
      expect(KEYWORD_TYPES.has(field.type)).toBe(true);
    }
    for (const source of RUNTIME_SOURCE_FIELDS) {
      expect([source, mappedType(source)]).toEqual([source, 'keyword']);
      const leaf = source.split('.').pop();
      for (const field of Object.values(RUNTIME_FIELDS)) expect(field.script.source).toContain(`'${leaf}'`);
    }
  });

  it('pairs each evidence event with its stage in a well-formed script that emits each action once', () => {
    const script = stageActionScript('privileged');
    expect(script).toContain("e['stage'] != 'privileged'");
    expect(script).toContain('seen.add(action)');
    expect(script.match(/emit\(/g)).toHaveLength(1);
    let depth = 0;
    for (const c of script.replace(/'[^']*'/g, '')) {
      if (c === '{' || c === '(') depth++;
      if (c === '}' || c === ')') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(stageActionScript('tamper')).toContain("e['stage'] != 'tamper'");
  });
});
