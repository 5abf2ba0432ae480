import * as catalog from './index';
import { awsEvent } from './test_events';

describe('catalog entry point', () => {
  it('exposes classification, interface, rollback, containment and techniques together', () => {
    const event = { ...awsEvent('iam.amazonaws.com', 'AttachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
      source: { ip: '203.0.113.10', userAgent: 'aws-cli/2.15.0 Python/3.11.6 Darwin/23.1.0 exe/x86_64 prompt/off' } };
    const classification = catalog.classify(event);
    expect(classification?.kind).toBe('iam');
    expect(catalog.detectInterface(event)).toMatchObject({ kind: 'cli', tool: 'aws-cli', workstation: true });
    expect(classification?.rollback && catalog.renderRollback(classification.rollback, event).command).toContain('detach-user-policy --user-name bob');
    expect(classification?.techniques.map((id) => catalog.technique(id)?.name)).toEqual(['Account Manipulation: Additional Cloud Roles']);
    expect(catalog.containmentSteps(catalog.containmentInputFromEvent(event)).length).toBeGreaterThan(0);
  });
});
