import { awsCredentialKind, canMint, sessionNameOfArn } from './aws_common';

describe('assumed-role ARNs', () => {
  it('name their session after the last slash', () => {
    expect(sessionNameOfArn('arn:aws:sts::123456789012:assumed-role/Admin/alice')).toBe('alice');
    expect(sessionNameOfArn('arn:aws:sts::123456789012:assumed-role/path/Admin/alice')).toBe('alice');
    expect(sessionNameOfArn('arn:aws:sts::123456789012:assumed-role/Admin/')).toBeUndefined();
    expect(sessionNameOfArn('arn:aws:sts::123456789012:assumed-role/Admin')).toBeUndefined();
    expect(sessionNameOfArn('arn:aws:iam::123456789012:user/alice')).toBeUndefined();
  });

  it('of instance-profile sessions make instance credentials', () => {
    const kind = (arn: string) => awsCredentialKind({ type: 'AssumedRole', arn, accessKeyId: 'ASIAEXAMPLE' });
    expect(kind('arn:aws:sts::1:assumed-role/Web/i-0123456789abcdef0')).toBe('instance');
    expect(kind('arn:aws:sts::1:assumed-role/Web/i-01234567')).toBe('instance');
    expect(kind('arn:aws:sts::1:assumed-role/Web/i-0123456789ABCDEF0')).toBe('temporary');
    expect(kind('arn:aws:sts::1:assumed-role/Web/i-0123456789abcdef01')).toBe('temporary');
    expect(kind('arn:aws:sts::1:assumed-role/Web/alice')).toBe('temporary');
  });
});

describe('canMint', () => {
  it('picks the calls that can create a credential', () => {
    for (const name of ['AssumeRole', 'AssumeRoleWithSAML', 'GetSessionToken', 'GetFederationToken', 'AssumeRoot', 'CreateAccessKey', 'ConsoleLogin', 'GetSigninToken']) {
      expect(canMint(name)).toBe(true);
    }
    for (const name of ['DescribeInstances', 'GetObject', 'CreateUser', 'ListRoles', '']) expect(canMint(name)).toBe(false);
  });
});
