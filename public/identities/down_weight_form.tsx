/** The risk multiplier for chains that match an entry; writers change it here, readers see it. */
import { useEffect, useState } from 'react';
import { EuiButton, EuiFieldNumber, EuiFlexGroup, EuiFlexItem, EuiFormRow, EuiText } from '@elastic/eui';

export function DownWeightForm({ value, canWrite, onSave }: { value: number; canWrite: boolean; onSave(next: number): Promise<string | undefined> }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  useEffect(() => setText(String(value)), [value]);

  const parsed = Number(text);
  const local = text.trim() === '' || Number.isNaN(parsed) || parsed < 0 || parsed > 1 ? 'A number from 0 to 1' : undefined;
  const shownError = local ?? error;
  const help = `A matching chain keeps ${Math.round((local ? value : parsed) * 100)}% of its risk score.`;

  if (!canWrite) {
    return (
      <EuiText size="s" data-test-subj="downWeight">
        Down-weight: <strong>×{value}</strong> ({Math.round(value * 100)}% of the risk score kept)
      </EuiText>
    );
  }
  const save = async () => {
    setSaving(true);
    setError(await onSave(parsed));
    setSaving(false);
  };
  return (
    <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
      <EuiFlexItem grow={false} style={{ width: 340 }}>
        <EuiFormRow label="Down-weight" helpText={help} isInvalid={!!shownError} error={shownError} display="rowCompressed">
          <EuiFieldNumber
            compressed
            min={0}
            max={1}
            step={0.05}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(undefined);
            }}
            isInvalid={!!shownError}
            data-test-subj="downWeightInput"
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem grow={false} style={{ paddingTop: 22 }}>
        <EuiButton size="s" onClick={() => void save()} isDisabled={!!local || parsed === value} isLoading={saving} data-test-subj="downWeightSave">
          Save
        </EuiButton>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
