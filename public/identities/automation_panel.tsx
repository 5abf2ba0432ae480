/**
 * Expected automation: the CI/CD roles and IaC tools the organisation runs on purpose. Every change is saved at once
 * as the whole file; the server validates it and answers with what it stored.
 */
import { useEffect, useState } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiConfirmModal,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { ExpectedAutomationConfig } from '../../common/api';
import { toApiError } from '../api/http';
import { ApiErrorPrompt } from '../app/api_error_prompt';
import { useAppServices } from '../app/services';
import { useApiCall } from '../app/use_api_call';
import { removeEntry, upsertEntry, withDownWeight } from './automation_config';
import { AutomationEntriesTable } from './automation_entries_table';
import { AutomationEntryFlyout } from './automation_entry_flyout';
import { DownWeightForm } from './down_weight_form';

export function AutomationPanel({ refreshKey }: { refreshKey: number }) {
  const { api, canWrite, notify } = useAppServices();
  const loaded = useApiCall((signal) => api.automation(signal), [refreshKey]);
  const [config, setConfig] = useState<ExpectedAutomationConfig>();
  useEffect(() => setConfig(loaded.value), [loaded.value]);
  const [editing, setEditing] = useState<{ index?: number } | undefined>();
  const [removing, setRemoving] = useState<number>();

  /** Resolves to the server's message when it refuses the file. */
  const save = async (next: ExpectedAutomationConfig, done: string): Promise<string | undefined> => {
    try {
      setConfig(await api.saveAutomation(next));
      notify({ title: done, color: 'success' });
      return undefined;
    } catch (err) {
      return toApiError(err).message;
    }
  };

  const body = () => {
    if (loaded.error) return <ApiErrorPrompt error={loaded.error} onRetry={loaded.reload} />;
    if (!config) return <EuiLoadingSpinner size="l" />;
    const entries = config.expected_automation;
    return (
      <>
        <DownWeightForm value={config.down_weight} canWrite={canWrite} onSave={(w) => save(withDownWeight(config, w), `Down-weight set to ${w}`)} />
        <EuiSpacer size="m" />
        <AutomationEntriesTable entries={entries} canWrite={canWrite} onEdit={(index) => setEditing({ index })} onRemove={setRemoving} />
        {editing && (
          <AutomationEntryFlyout
            entry={editing.index === undefined ? undefined : entries[editing.index]}
            onClose={() => setEditing(undefined)}
            onSave={async (entry) => {
              const refused = await save(upsertEntry(config, entry, editing.index), `Saved "${entry.name}"`);
              if (!refused) setEditing(undefined);
              return refused;
            }}
          />
        )}
        {removing !== undefined && entries[removing] && (
          <EuiConfirmModal
            title={`Remove "${entries[removing].name}"?`}
            onCancel={() => setRemoving(undefined)}
            onConfirm={async () => {
              const name = entries[removing].name;
              setRemoving(undefined);
              const refused = await save(removeEntry(config, removing), `Removed "${name}"`);
              if (refused) notify({ title: `"${name}" could not be removed`, color: 'danger', text: refused });
            }}
            cancelButtonText="Cancel"
            confirmButtonText="Remove"
            buttonColor="danger"
            data-test-subj="removeAutomationConfirm"
          >
            <p>Chains it matches will be scored in full from the next detection run.</p>
          </EuiConfirmModal>
        )}
      </>
    );
  };

  return (
    <EuiPanel hasBorder data-test-subj="expectedAutomation">
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="flexStart">
        <EuiFlexItem>
          <EuiTitle size="s">
            <h2>Expected automation</h2>
          </EuiTitle>
          <EuiText size="s" color="subdued">
            <p>
              Chains matching an entry are kept, with their risk multiplied by the down-weight and the entry&apos;s reason written into the finding: expected
              automation is down-weighted, never dropped.
            </p>
          </EuiText>
        </EuiFlexItem>
        {canWrite && config && (
          <EuiFlexItem grow={false}>
            <EuiButton iconType="plus" onClick={() => setEditing({})} data-test-subj="addAutomationEntry">
              Add entry
            </EuiButton>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {!canWrite && (
        <>
          <EuiCallOut size="s" iconType="lock" title="Read only" data-test-subj="automationReadOnly">
            <p>Editing expected automation needs the all privilege of the Cloud API Abuse feature.</p>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      {body()}
    </EuiPanel>
  );
}
