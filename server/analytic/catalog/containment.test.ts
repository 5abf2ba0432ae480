import { containmentForChain, containmentInputFromEvent, containmentSteps, PLAYBOOKS, type ContainmentInput } from './containment';
import { cloudTrailEvent, invictusRecords } from './test_datasets';
import { auditEvent, awsEvent } from './test_events';

const commands = (input: ContainmentInput) => containmentSteps(input).map((step) => step.command).filter(Boolean);

describe('containment steps', () => {
  it('deactivates and deletes a stolen IAM user key, and revokes the sessions minted from it', () => {
    const input: ContainmentInput = { provider: 'aws', actorType: 'user', credentialKind: 'long_term', credentialId: 'AKIAEXAMPLE',
      principalName: 'bert-jan', revokeBefore: '2023-07-10T12:40:00Z' };
    const found = commands(input);
    expect(found).toContain('aws iam update-access-key --user-name bert-jan --access-key-id AKIAEXAMPLE --status Inactive');
    expect(found).toContain('aws iam delete-access-key --user-name bert-jan --access-key-id AKIAEXAMPLE');
    const revoke = found.find((command) => command?.includes('put-user-policy'));
    expect(revoke).toContain('"aws:TokenIssueTime":"2023-07-10T12:40:00Z"');
    expect(revoke).toContain('--user-name bert-jan');
  });

  it('revokes role sessions with a TokenIssueTime deny, and asks for the chain root', () => {
    const steps = containmentSteps({ provider: 'aws', actorType: 'role', credentialKind: 'temporary', roleName: 'deploy', revokeBefore: '2024-01-01T00:00:00Z' });
    expect(steps.map((step) => step.command).find((command) => command?.includes('put-role-policy'))).toBe(
      `aws iam put-role-policy --role-name deploy --policy-name AWSRevokeOlderSessions --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"2024-01-01T00:00:00Z"}}}]}'`);
    expect(steps.some((step) => /chain root/.test(step.title))).toBe(true);
    expect(steps.some((step) => step.command?.includes('update-access-key'))).toBe(false);
  });

  it('detaches the instance profile when instance credentials were stolen', () => {
    const event = awsEvent('sts.amazonaws.com', 'GetCallerIdentity', undefined, {
      actor: { type: 'role', arn: 'arn:aws:sts::111122223333:assumed-role/web-role/i-0123456789abcdef0', sessionName: 'i-0123456789abcdef0',
        issuer: 'arn:aws:iam::111122223333:role/web-role' },
      credential: { id: 'ASIAEXAMPLE', kind: 'temporary' },
    });
    const input = containmentInputFromEvent(event);
    expect(input).toMatchObject({ credentialKind: 'instance', instanceId: 'i-0123456789abcdef0', roleName: 'web-role', account: '111122223333' });
    const steps = containmentSteps(input);
    expect(steps.some((step) => step.command?.includes('Name=instance-id,Values=i-0123456789abcdef0'))).toBe(true);
    expect(steps.some((step) => step.command?.includes('--role-name web-role'))).toBe(true);
  });

  it('resets console access for a console session', () => {
    const found = commands({ provider: 'aws', actorType: 'user', credentialKind: 'console', principalName: 'alice' });
    expect(found).toContain('aws iam delete-login-profile --user-name alice');
    expect(found).not.toContain('aws iam delete-access-key --user-name alice --access-key-id <credentialId>');
  });

  it('disables a GCP service-account key and the account, using the key id from the key name', () => {
    const found = commands({ provider: 'gcp', actorType: 'service_account', credentialKind: 'long_term', principalName: 'ci@p.iam.gserviceaccount.com',
      credentialId: '//iam.googleapis.com/projects/p/serviceAccounts/ci@p.iam.gserviceaccount.com/keys/a378358365ff3d22e9c1a72fecf4605ddff76b47' });
    expect(found).toContain('gcloud iam service-accounts keys disable a378358365ff3d22e9c1a72fecf4605ddff76b47 --iam-account ci@p.iam.gserviceaccount.com');
    expect(found).toContain('gcloud iam service-accounts disable ci@p.iam.gserviceaccount.com');
  });

  it("revokes an Entra user's sessions and blocks sign-in", () => {
    const steps = containmentSteps({ provider: 'azure', actorType: 'user', principalName: 'aragorn@lotr.com', principalId: '1b3c5e7f-0000-4000-8000-000000000001' });
    expect(steps[0].title).toContain('Revoke-MgUserSignInSession -UserId 1b3c5e7f-0000-4000-8000-000000000001');
    expect(steps[0].command).toBe('az rest --method POST --url https://graph.microsoft.com/v1.0/users/1b3c5e7f-0000-4000-8000-000000000001/revokeSignInSessions');
    expect(steps.map((step) => step.command)).toContain('az ad user update --id 1b3c5e7f-0000-4000-8000-000000000001 --account-enabled false');
  });

  it('disables an Entra service principal', () => {
    expect(commands({ provider: 'azure', actorType: 'service_account', appId: 'aaaaaaaa-0000-4000-8000-000000000000' }))
      .toContain('az ad sp update --id aaaaaaaa-0000-4000-8000-000000000000 --set accountEnabled=false');
  });

  it('shows what it does not know as <name>, and quotes what it does', () => {
    const found = commands({ provider: 'aws', actorType: 'user', credentialKind: 'long_term', principalName: 'odd name' });
    expect(found).toContain("aws iam update-access-key --user-name 'odd name' --access-key-id <credentialId> --status Inactive");
  });

  it('has steps for every actor type a stolen credential can belong to, per provider', () => {
    const covered = (provider: string, actorType: string) => PLAYBOOKS.some((book) => book.provider === provider && (!book.actorTypes || book.actorTypes.includes(actorType as never)));
    for (const actorType of ['user', 'role', 'root', 'federated']) expect([actorType, covered('aws', actorType)]).toEqual([actorType, true]);
    for (const actorType of ['user', 'service_account']) expect([actorType, covered('gcp', actorType)]).toEqual([actorType, true]);
    for (const actorType of ['user', 'service_account', 'managed_identity']) expect([actorType, covered('azure', actorType)]).toEqual([actorType, true]);
  });

  it('builds the input from the credential of a real event (invictus-ir attacker key)', () => {
    const event = invictusRecords().map(cloudTrailEvent).find((candidate) => candidate.action === 'StopLogging');
    expect(event).toBeDefined();
    if (!event) return;
    const input = containmentInputFromEvent(event);
    expect(input).toMatchObject({ provider: 'aws', actorType: 'user', credentialKind: 'long_term', principalName: event.actor.name });
    expect(input.credentialId).toMatch(/^AKIA/);
    expect(commands(input).some((command) => command?.includes(`--access-key-id ${input.credentialId}`))).toBe(true);
  });

  it('gives no steps where no playbook applies, and no empty fields in the input', () => {
    expect(containmentSteps({ provider: 'gcp', actorType: 'root' })).toEqual([]);
    const bare = containmentInputFromEvent(auditEvent({ provider: 'gcp', service: 's', action: 'a', actor: { type: 'unknown' } }));
    expect(Object.keys(bare).sort()).toEqual(['actorType', 'provider']);
  });

  it('contains a whole chain: the root user key and the role sessions it led to, each step once', () => {
    const steps = containmentForChain({
      root: { provider: 'aws', id: 'arn:aws:iam::111122223333:user/bert-jan', type: 'user', name: 'bert-jan', account: '111122223333' },
      credentials: [
        { id: 'AKIAEXAMPLE', kind: 'long_term', principal: 'arn:aws:iam::111122223333:user/bert-jan' },
        { id: 'ASIAONE', kind: 'temporary', principal: 'arn:aws:sts::111122223333:assumed-role/admin/session-1' },
        { id: 'ASIATWO', kind: 'temporary', principal: 'arn:aws:sts::111122223333:assumed-role/admin/session-2' },
      ],
    }, '2023-07-10T12:40:00Z');
    const found = steps.map((step) => step.command ?? step.title);
    expect(found).toContain('aws iam update-access-key --user-name bert-jan --access-key-id AKIAEXAMPLE --status Inactive');
    expect(found.filter((command) => command.includes('put-role-policy --role-name admin'))).toHaveLength(1);
    expect(found.filter((command) => command.includes('put-user-policy --user-name bert-jan'))).toHaveLength(1);
    expect(new Set(found).size).toBe(found.length);
  });

  it('contains an instance root through its instance profile and role', () => {
    const steps = containmentForChain({
      root: { provider: 'aws', id: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0', type: 'instance', name: 'i-0123456789abcdef0' },
      credentials: [{ id: 'ASIAINSTANCE', kind: 'instance', principal: 'arn:aws:sts::111122223333:assumed-role/web-role/i-0123456789abcdef0' }],
    });
    const found = steps.map((step) => step.command ?? step.title);
    expect(found.some((command) => command.includes('Values=i-0123456789abcdef0'))).toBe(true);
    expect(found.some((command) => command.includes('--role-name web-role'))).toBe(true);
    expect(found.some((command) => command.includes('<roleName>'))).toBe(false);
  });
});
