/**
 * Adds or edits one expected-automation entry. Saving sends the whole file; when the server refuses it, its message
 * stays next to the form and the flyout stays open with what was typed.
 */
import { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiComboBox,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiSpacer,
  EuiText,
  EuiTextArea,
  EuiTitle,
  type EuiComboBoxOptionOption,
} from '@elastic/eui';
import { draftOf, draftProblems, entryOf, type AutomationEntry, type EntryDraft } from './automation_config';

/** Tool families the analytic names from user agents that are usually automation. */
const AUTOMATION_TOOLS = [
  'terraform',
  'opentofu',
  'pulumi',
  'cloudformation',
  'aws-cdk',
  'aws-sam',
  'serverless',
  'crossplane',
  'ansible',
  'packer',
  'deployment-manager',
  'github-actions',
  'gitlab-ci',
  'azure-devops',
  'bitbucket-pipelines',
  'circleci',
  'jenkins',
  'eksctl',
  'kubectl',
];

type ListField = 'identities' | 'user_agents' | 'accounts';

export function AutomationEntryFlyout({
  entry,
  onSave,
  onClose,
}: {
  entry?: AutomationEntry;
  /** Resolves to the server's refusal, or undefined once saved. */
  onSave(entry: AutomationEntry): Promise<string | undefined>;
  onClose(): void;
}) {
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const problems = tried ? draftProblems(draft) : {};

  const set = (patch: Partial<EntryDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async () => {
    setTried(true);
    if (Object.keys(draftProblems(draft)).length) return;
    setSaving(true);
    setServerError(undefined);
    const refused = await onSave(entryOf(draft));
    setSaving(false);
    if (refused) setServerError(refused);
  };

  const listRow = (field: ListField, label: string, help: string, suggestions: string[] = []) => {
    const toOption = (v: string): EuiComboBoxOptionOption => ({ label: v });
    return (
      <EuiFormRow label={label} helpText={help} fullWidth isInvalid={!!problems.matchers}>
        <EuiComboBox
          fullWidth
          aria-label={label}
          placeholder={suggestions.length ? 'Pick or type and press Enter' : 'Type and press Enter'}
          options={suggestions.filter((s) => !draft[field].includes(s)).map(toOption)}
          selectedOptions={draft[field].map(toOption)}
          onChange={(selected) => set({ [field]: selected.map((o) => o.label) })}
          onCreateOption={(value) => {
            const v = value.trim();
            if (v && !draft[field].includes(v)) set({ [field]: [...draft[field], v] });
          }}
          noSuggestions={suggestions.length === 0}
          isInvalid={!!problems.matchers}
          data-test-subj={`automationField-${field}`}
        />
      </EuiFormRow>
    );
  };

  return (
    <EuiFlyout onClose={onClose} size="m" ownFocus aria-labelledby="automationFlyoutTitle" data-test-subj="automationFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id="automationFlyoutTitle">{entry ? `Edit ${entry.name}` : 'Add expected automation'}</h2>
        </EuiTitle>
        <EuiSpacer size="s" />
        <EuiText size="s" color="subdued">
          <p>A chain matches when every field set here matches it; fields left empty match anything.</p>
        </EuiText>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {serverError && (
          <>
            <EuiCallOut color="danger" iconType="error" title="The server did not accept this entry" data-test-subj="automationSaveError">
              <p>{serverError}</p>
            </EuiCallOut>
            <EuiSpacer size="m" />
          </>
        )}
        <EuiForm component="form" onSubmit={(e) => (e.preventDefault(), void submit())} isInvalid={!!problems.matchers} error={problems.matchers ? [problems.matchers] : undefined}>
          <EuiFormRow label="Name" fullWidth isInvalid={!!problems.name} error={problems.name}>
            <EuiFieldText fullWidth value={draft.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} isInvalid={!!problems.name} data-test-subj="automationField-name" />
          </EuiFormRow>
          <EuiFormRow label="Reason" helpText="Quoted in every finding this entry down-weights." fullWidth isInvalid={!!problems.reason} error={problems.reason}>
            <EuiTextArea fullWidth rows={2} value={draft.reason} maxLength={500} onChange={(e) => set({ reason: e.target.value })} isInvalid={!!problems.reason} data-test-subj="automationField-reason" />
          </EuiFormRow>
          {listRow('identities', 'Identities', 'Globs over the root identity or acting principal: arn:aws:iam::482913750264:role/github-*, deployer@*.iam.gserviceaccount.com')}
          {listRow('user_agents', 'User-agent families', 'Tool families as findings name them.', AUTOMATION_TOOLS)}
          {listRow('accounts', 'Accounts', 'AWS account ids, GCP projects or Azure subscriptions; globs allowed.')}
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween">
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onClose} data-test-subj="automationCancel">
              Cancel
            </EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton fill onClick={() => void submit()} isLoading={saving} data-test-subj="automationSaveEntry">
              Save entry
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
}
