/** Changes the status of the selected findings at once, with an optional note kept on each finding. */
import { useState } from 'react';
import { EuiButton, EuiForm, EuiFormRow, EuiPopover, EuiPopoverFooter, EuiPopoverTitle, EuiSelect, EuiTextArea } from '@elastic/eui';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '../../common/finding';
import { useAppServices } from '../app/services';
import { STATUS_LABELS } from './status_badge';

export const MAX_NOTE_LENGTH = 2_000;

export function BulkStatusAction({ selectedIds, onDone }: { selectedIds: readonly string[]; onDone(): void }) {
  const { api, notify } = useAppServices();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<WorkflowStatus>('acknowledged');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const apply = async () => {
    setSaving(true);
    try {
      const result = await api.setStatus({ ids: [...selectedIds], status, note: note.trim() || undefined });
      notify({ title: `${result.updated.length} finding(s) marked ${STATUS_LABELS[status].toLowerCase()}`, color: 'success' });
      if (result.missing.length) notify({ title: `${result.missing.length} finding(s) no longer exist`, color: 'warning', text: 'They were deleted or expired since the page loaded.' });
      setOpen(false);
      setNote('');
      onDone();
    } catch (err) {
      notify({ title: 'The status could not be changed', color: 'danger', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  const button = (
    <EuiButton size="s" iconType="chevronSingleDown" iconSide="right" onClick={() => setOpen((v) => !v)} isDisabled={selectedIds.length === 0} data-test-subj="bulkStatusButton">
      Change status of {selectedIds.length} finding{selectedIds.length === 1 ? '' : 's'}
    </EuiButton>
  );
  return (
    <EuiPopover button={button} isOpen={open} closePopover={() => setOpen(false)} anchorPosition="downLeft" aria-label="Change status of the selected findings">
      <EuiPopoverTitle>Change status</EuiPopoverTitle>
      <EuiForm component="form" style={{ width: 320 }} onSubmit={(e) => (e.preventDefault(), void apply())}>
        <EuiFormRow label="New status">
          <EuiSelect
            options={WORKFLOW_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
            value={status}
            onChange={(e) => setStatus(e.target.value as WorkflowStatus)}
            data-test-subj="bulkStatusSelect"
          />
        </EuiFormRow>
        <EuiFormRow label="Note (optional)" helpText="Kept on every selected finding, e.g. the ticket or why it was closed.">
          <EuiTextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={MAX_NOTE_LENGTH} rows={3} data-test-subj="bulkStatusNote" />
        </EuiFormRow>
        <EuiPopoverFooter>
          <EuiButton type="submit" fill size="s" fullWidth isLoading={saving} data-test-subj="bulkStatusApply">
            Apply to {selectedIds.length} finding{selectedIds.length === 1 ? '' : 's'}
          </EuiButton>
        </EuiPopoverFooter>
      </EuiForm>
    </EuiPopover>
  );
}
