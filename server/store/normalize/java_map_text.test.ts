import { javaMapValue } from './java_map_text';

describe('javaMapValue', () => {
  const response =
    '{assumedRoleUser={assumedRoleId=AROAIFR7WHDTSOYQYHFUE:Role2WithTags, arn=arn:aws:sts::111111111111:assumed-role/test-role/Role2WithTags}, credentials={accessKeyId=ASIAWHOJDLGPOEXAMPLE, sessionToken=AgoJb3+//rJb8L=, expiration=Oct 2, 2019 11:12:29 PM}}';

  it('reads values out of the Map.toString() text Elastic stores for CloudTrail elements', () => {
    expect(javaMapValue(response, 'accessKeyId')).toBe('ASIAWHOJDLGPOEXAMPLE');
    expect(javaMapValue(response, 'arn')).toBe('arn:aws:sts::111111111111:assumed-role/test-role/Role2WithTags');
  });

  it('keeps dates whose text contains a comma', () => {
    expect(javaMapValue(response, 'expiration')).toBe('Oct 2, 2019 11:12:29 PM');
  });

  it('matches whole keys only', () => {
    expect(javaMapValue('{roleSessionName=s1, roleArn=arn:aws:iam::1:role/r}', 'Arn')).toBeUndefined();
    expect(javaMapValue('{roleSessionName=s1, roleArn=arn:aws:iam::1:role/r}', 'roleArn')).toBe('arn:aws:iam::1:role/r');
    expect(javaMapValue('{userName=alice}', 'accessKeyId')).toBeUndefined();
  });
});
