/**
 * Edits of the expected-automation file as the panel makes them: every edit yields the whole new file, which is what
 * the server takes (PUT replaces it), so what is saved is exactly what was shown.
 */
import type { ExpectedAutomationConfig } from '../../common/api';

export type AutomationEntry = ExpectedAutomationConfig['expected_automation'][number];

/** Replaces the entry at `index`, or appends when there is none. */
export function upsertEntry(config: ExpectedAutomationConfig, entry: AutomationEntry, index?: number): ExpectedAutomationConfig {
  const entries = [...config.expected_automation];
  if (index === undefined || index < 0 || index >= entries.length) entries.push(entry);
  else entries[index] = entry;
  return { ...config, expected_automation: entries };
}

export function removeEntry(config: ExpectedAutomationConfig, index: number): ExpectedAutomationConfig {
  return { ...config, expected_automation: config.expected_automation.filter((_, i) => i !== index) };
}

export function withDownWeight(config: ExpectedAutomationConfig, downWeight: number): ExpectedAutomationConfig {
  return { ...config, down_weight: downWeight };
}

/** The form's view of an entry: lists always present, possibly empty. */
export interface EntryDraft {
  name: string;
  reason: string;
  identities: string[];
  user_agents: string[];
  accounts: string[];
}

export function draftOf(entry?: AutomationEntry): EntryDraft {
  return {
    name: entry?.name ?? '',
    reason: entry?.reason ?? '',
    identities: entry?.identities ?? [],
    user_agents: entry?.user_agents ?? [],
    accounts: entry?.accounts ?? [],
  };
}

/** Trimmed, blanks dropped, empty lists left out: the file keeps only the fields an entry restricts. */
export function entryOf(draft: EntryDraft): AutomationEntry {
  const entry: AutomationEntry = { name: draft.name.trim(), reason: draft.reason.trim() };
  const lists = { identities: draft.identities, user_agents: draft.user_agents, accounts: draft.accounts };
  for (const [key, values] of Object.entries(lists) as [keyof typeof lists, string[]][]) {
    const kept = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    if (kept.length) entry[key] = kept;
  }
  return entry;
}

export type DraftProblems = Partial<Record<'name' | 'reason' | 'matchers', string>>;

/** What the server would refuse, said before sending; the server still validates and its message wins. */
export function draftProblems(draft: EntryDraft): DraftProblems {
  const entry = entryOf(draft);
  const problems: DraftProblems = {};
  if (!entry.name) problems.name = 'Give the entry a name';
  if (!entry.reason) problems.reason = 'Say why this automation is expected: findings quote it';
  if (!entry.identities && !entry.user_agents && !entry.accounts) problems.matchers = 'Set at least one of identities, user-agent families or accounts';
  return problems;
}
