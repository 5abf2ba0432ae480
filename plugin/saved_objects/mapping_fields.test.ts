import { mappedType } from './mapping_fields';

describe('mappedType', () => {
  it('names the type of leaf fields, objects and multi-fields of the findings mapping', () => {
    expect(mappedType('@timestamp')).toBe('date');
    expect(mappedType('kibana.alert.severity')).toBe('keyword');
    expect(mappedType('kibana.alert.risk_score')).toBe('float');
    expect(mappedType('kibana.alert.reason.text')).toBe('match_only_text');
    expect(mappedType('cloud_api_abuse.evidence.stage')).toBe('keyword');
    expect(mappedType('cloud_api_abuse.root_identity')).toBe('object');
  });

  it('knows nothing of fields the mapping leaves in _source only', () => {
    expect(mappedType('cloud_api_abuse.chain.stages')).toBeUndefined();
    expect(mappedType('cloud_api_abuse.reasons.text')).toBeUndefined();
    expect(mappedType('kibana.alert.severity.keyword')).toBeUndefined();
    expect(mappedType('nope')).toBeUndefined();
  });
});
