/** The finding's workflow status: who changed it last and why, and (for writers) a form to change it with a note. */
import { useEffect, useState } from 'react';
import { EuiButton, EuiFlexGroup, EuiFlexItem, EuiFormRow, EuiSelect, EuiText, EuiTextArea } from '@elastic/eui';
import { WORKFLOW_STATUSES, type CloudApiAbuseFields, type WorkflowStatus } from '../../common/finding';
import { useAppServices } from '../app/services';
import { MAX_NOTE_LENGTH } from '../findings/bulk_status_action';
import { formatTime } from '../findings/format';
import { StatusBadge, STATUS_LABELS } from '../findings/status_badge';

export type Workflow = CloudApiAbuseFields['workflow'];

export interface StatusFormProps {
  findingId: string;
  workflow: Workflow;
  /** Called with the new workflow once the server has stored it. */
  onSaved(workflow: Workflow): void;
}

export function StatusForm({ findingId, workflow, onSaved }: StatusFormProps) {
  const { api, canWrite, notify } = useAppServices();
  const [status, setStatus] = useState<WorkflowStatus>(workflow.status);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => setStatus(workflow.status), [workflow.status]);

  const save = async () => {
    setSaving(true);
    try {
      const trimmed = note.trim();
      const result = await api.setStatus({ ids: [findingId], status, note: trimmed || undefined });
      if (!result.updated.includes(findingId)) {
        notify({ title: 'The finding no longer exists', color: 'warning', text: 'It was deleted or expired; refresh the list.' });
        return;
      }
      notify({ title: `Finding marked ${STATUS_LABELS[status].toLowerCase()}`, color: 'success' });
      setNote('');
      onSaved({ ...workflow, status, note: trimmed || undefined, updated_at: new Date().toISOString() });
    } catch (err) {
      notify({ title: 'The status could not be changed', color: 'danger', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-test-subj="flyoutStatus">
      <EuiText size="s">
        <p>
          <StatusBadge status={workflow.status} />{' '}
          {workflow.updated_at ? `changed ${formatTime(workflow.updated_at)}${workflow.updated_by ? ` by ${workflow.updated_by}` : ''}` : 'not reviewed yet'}
        </p>
        {workflow.note && (
          <p data-test-subj="flyoutStatusNoteShown">
            <em>“{workflow.note}”</em>
          </p>
        )}
      </EuiText>
      {canWrite ? (
        <EuiFlexGroup gutterSize="s" alignItems="flexEnd" wrap>
          <EuiFlexItem grow={false} style={{ minWidth: 170 }}>
            <EuiFormRow label="Status">
              <EuiSelect
                options={WORKFLOW_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
                value={status}
                onChange={(e) => setStatus(e.target.value as WorkflowStatus)}
                data-test-subj="flyoutStatusSelect"
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem style={{ minWidth: 260 }}>
            <EuiFormRow label="Note (optional)" fullWidth>
              <EuiTextArea
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={MAX_NOTE_LENGTH}
                rows={1}
                fullWidth
                placeholder="Ticket, verdict, who confirmed it"
                data-test-subj="flyoutStatusNote"
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton onClick={save} isLoading={saving} isDisabled={status === workflow.status && !note.trim()} data-test-subj="flyoutStatusSave">
              Save status
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      ) : (
        <EuiText size="xs" color="subdued">
          <p>Changing the status needs the Cloud API Abuse feature's “all” privilege.</p>
        </EuiText>
      )}
    </div>
  );
}
