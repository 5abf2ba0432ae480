/** A filter button with a checklist popover (EuiSelectable), like Security's alert filters. */
import { useState } from 'react';
import { EuiFilterButton, EuiPopover, EuiSelectable, type EuiSelectableOption } from '@elastic/eui';

export interface MultiSelectFilterProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange(selected: T[]): void;
  /** The button's hook; options get `<subj>Option-<value>`. */
  'data-test-subj': string;
}

export function MultiSelectFilter<T extends string>({ label, options, selected, onChange, 'data-test-subj': subj }: MultiSelectFilterProps<T>) {
  const [open, setOpen] = useState(false);
  const items: EuiSelectableOption[] = options.map((o) => ({
    key: o.value,
    label: o.label,
    checked: selected.includes(o.value) ? 'on' : undefined,
    'data-test-subj': `${subj}Option-${o.value}`,
  }));
  const button = (
    <EuiFilterButton
      iconType="chevronSingleDown"
      onClick={() => setOpen((v) => !v)}
      isSelected={open}
      hasActiveFilters={selected.length > 0}
      numActiveFilters={selected.length || undefined}
      numFilters={options.length}
      data-test-subj={subj}
    >
      {label}
    </EuiFilterButton>
  );
  return (
    <EuiPopover button={button} isOpen={open} closePopover={() => setOpen(false)} panelPaddingSize="none" aria-label={`${label} filter`}>
      <EuiSelectable
        aria-label={label}
        options={items}
        onChange={(next) => onChange(options.filter((o) => next.some((n) => n.key === o.value && n.checked === 'on')).map((o) => o.value))}
        // Four options at most: no virtualization (which also lets tests and screen readers see every option).
        listProps={{ bordered: false, showIcons: true, isVirtualized: false }}
        data-test-subj={`${subj}List`}
      >
        {(list) => <div style={{ width: 200 }}>{list}</div>}
      </EuiSelectable>
    </EuiPopover>
  );
}
