import type { ExpectedAutomationConfig } from '../../common/api';
import { draftOf, draftProblems, entryOf, removeEntry, upsertEntry, withDownWeight } from './automation_config';

const terraform = { name: 'Terraform in CI', reason: 'Platform team applies infrastructure from GitHub Actions', identities: ['arn:aws:iam::482913750264:role/github-deploy'], user_agents: ['terraform'] };
const backup = { name: 'Nightly backup', reason: 'Snapshots and copies at 02:00 UTC', accounts: ['739105628471'] };
const config: ExpectedAutomationConfig = { down_weight: 0.3, expected_automation: [terraform, backup] };

describe('expected automation edits', () => {
  it('replaces an entry in place, appends a new one, removes by position', () => {
    const renamed = { ...backup, name: 'Nightly EBS backup' };
    expect(upsertEntry(config, renamed, 1).expected_automation.map((e) => e.name)).toEqual(['Terraform in CI', 'Nightly EBS backup']);
    expect(upsertEntry(config, renamed).expected_automation.map((e) => e.name)).toEqual(['Terraform in CI', 'Nightly backup', 'Nightly EBS backup']);
    expect(removeEntry(config, 0).expected_automation).toEqual([backup]);
    expect(withDownWeight(config, 0.5)).toEqual({ down_weight: 0.5, expected_automation: [terraform, backup] });
    expect(config.expected_automation).toHaveLength(2);
  });

  it('keeps only the fields an entry restricts, trimmed and without duplicates', () => {
    const draft = { ...draftOf(), name: '  GKE deployer ', reason: 'Cloud Build deploys to prod', identities: ['deployer@northwind-prod-4821.iam.gserviceaccount.com', ' deployer@northwind-prod-4821.iam.gserviceaccount.com', ''], user_agents: [] };
    expect(entryOf(draft)).toEqual({ name: 'GKE deployer', reason: 'Cloud Build deploys to prod', identities: ['deployer@northwind-prod-4821.iam.gserviceaccount.com'] });
    expect(entryOf(draftOf(terraform))).toEqual(terraform);
  });

  it('says what is missing before the server would refuse it', () => {
    expect(draftProblems(draftOf())).toEqual({ name: 'Give the entry a name', reason: 'Say why this automation is expected: findings quote it', matchers: 'Set at least one of identities, user-agent families or accounts' });
    expect(draftProblems(draftOf(backup))).toEqual({});
  });
});
