import { at, fieldPath } from './ecs_path';

describe('ECS field paths', () => {
  const path = fieldPath('aws.cloudtrail.user_identity.arn');

  it('walks nested _source objects', () => {
    expect(at({ aws: { cloudtrail: { user_identity: { arn: 'x' } } } }, path)).toBe('x');
  });

  it('falls back to dotted keys where the nesting stops', () => {
    expect(at({ 'aws.cloudtrail.user_identity.arn': 'top' }, path)).toBe('top');
    expect(at({ aws: { 'cloudtrail.user_identity.arn': 'mid' } }, path)).toBe('mid');
  });

  it('returns undefined through non-objects and missing levels', () => {
    expect(at({ aws: 'text' }, path)).toBeUndefined();
    expect(at({ aws: { cloudtrail: null } }, path)).toBeUndefined();
    expect(at({ aws: [{ cloudtrail: {} }] }, path)).toBeUndefined();
    expect(at(null, path)).toBeUndefined();
  });
});
