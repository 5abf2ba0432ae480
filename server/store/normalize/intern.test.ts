import { intern } from './intern';

describe('intern', () => {
  it('returns the text it is given, for any text', () => {
    for (const text of ['', 'a', 's3.amazonaws.com', 'DescribeInstances', 'é', 'x'.repeat(5000), undefined]) {
      expect(intern(text)).toBe(text);
    }
  });

  it('hands out one copy of a repeated text, so it can be shared', () => {
    const first = intern(['aws-cli/2.15.0', 'Python/3.11.6'].join(' '));
    const again = intern(['aws-cli/2.15.0', 'Python/3.11.6'].join(' '));
    expect(again).toBe(first);
  });

  it('keeps answering right when far more distinct texts pass than it has room for', () => {
    for (let i = 0; i < 50_000; i++) expect(intern(`client-${i}/1.0`)).toBe(`client-${i}/1.0`);
  });
});
