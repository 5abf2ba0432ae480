/**
 * A multi-value filter whose values can be picked from those seen on screen or typed in (an account id or an ATT&CK
 * technique that is not on this page). Typed values are checked against the shape the server accepts.
 */
import { useState } from 'react';
import { EuiComboBox, type EuiComboBoxOptionOption } from '@elastic/eui';

export interface FreeValuesFilterProps {
  label: string;
  placeholder: string;
  known: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange(values: string[]): void;
  pattern: RegExp;
  /** Up to one value (the identity filter). */
  single?: boolean;
  'data-test-subj': string;
}

export function FreeValuesFilter({ label, placeholder, known, selected, onChange, pattern, single, 'data-test-subj': subj }: FreeValuesFilterProps) {
  const [invalid, setInvalid] = useState(false);
  const labels = new Map(known.map((k) => [k.value, k.label]));
  const toOption = (value: string): EuiComboBoxOptionOption<string> => ({ label: labels.get(value) ?? value, value, key: value });
  const options = [...new Set([...known.map((k) => k.value), ...selected])].map(toOption);
  return (
    <EuiComboBox<string>
      // EUI draws a prepend on single-selection boxes only; multi-value boxes say what they hold in their placeholder.
      prepend={single ? label : undefined}
      aria-label={label}
      placeholder={placeholder}
      options={options}
      selectedOptions={selected.map(toOption)}
      singleSelection={single ? { asPlainText: true } : false}
      onChange={(chosen) => onChange(chosen.map((c) => c.value ?? c.label))}
      onSearchChange={(value) => setInvalid(value !== '' && !pattern.test(value.trim()) && !options.some((o) => o.label.toLowerCase().includes(value.toLowerCase())))}
      onCreateOption={(value) => {
        const v = value.trim();
        if (!pattern.test(v)) return false;
        onChange(single ? [v] : [...selected.filter((s) => s !== v), v]);
      }}
      isInvalid={invalid}
      isClearable
      compressed
      fullWidth
      data-test-subj={subj}
    />
  );
}
