/** Search, filters and time range above the findings. Filters apply at once; the search on Enter. */
import { useEffect, useState } from 'react';
import { EuiButtonEmpty, EuiFieldSearch, EuiFilterGroup, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiSuperDatePicker } from '@elastic/eui';
import { SEVERITIES_DESC, SEVERITY_LABELS } from './severity';
import { STATUS_LABELS } from './status_badge';
import { PROVIDER_LABELS } from './format';
import { ACCOUNT_PATTERN, hasActiveFilters, NO_FILTERS, TECHNIQUE_PATTERN, type FindingsFilters } from './findings_filters';
import { FreeValuesFilter } from './free_values_filter';
import { MultiSelectFilter } from './multi_select_filter';
import type { TimeRange } from '../app/time_range';
import { WORKFLOW_STATUSES } from '../../common/finding';
import type { CloudProvider } from '../../common/audit_event';

/** Values seen in the loaded findings, offered in the free-value filters. */
export interface KnownValues {
  accounts: string[];
  techniques: { id: string; name: string }[];
  identities: { id: string; name: string }[];
}

export interface FilterBarProps {
  filters: FindingsFilters;
  onChange(filters: FindingsFilters): void;
  range: TimeRange;
  onRangeChange(range: TimeRange): void;
  onRefresh(): void;
  known: KnownValues;
  isLoading: boolean;
}

const PROVIDERS: CloudProvider[] = ['aws', 'gcp', 'azure'];
const IDENTITY_PATTERN = /^\P{C}{1,512}$/u;

const COMMON_RANGES = [
  { start: 'now-24h', end: 'now', label: 'Last 24 hours' },
  { start: 'now-7d', end: 'now', label: 'Last 7 days' },
  { start: 'now-30d', end: 'now', label: 'Last 30 days' },
  { start: 'now-90d', end: 'now', label: 'Last 90 days' },
  { start: 'now-1y', end: 'now', label: 'Last year' },
];

export function FilterBar({ filters, onChange, range, onRangeChange, onRefresh, known, isLoading }: FilterBarProps) {
  const [search, setSearch] = useState(filters.search);
  useEffect(() => setSearch(filters.search), [filters.search]);
  const set = (patch: Partial<FindingsFilters>) => onChange({ ...filters, ...patch });

  return (
    <>
      <EuiFlexGroup gutterSize="s" alignItems="center" wrap responsive={false}>
        <EuiFlexItem grow={true} style={{ minWidth: 280 }}>
          <EuiFieldSearch
            fullWidth
            placeholder="Search reason, identity, principal, action, IP, user agent"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => set({ search: value })}
            isClearable
            aria-label="Search findings"
            data-test-subj="findingsSearch"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFilterGroup>
            <MultiSelectFilter
              label="Severity"
              options={SEVERITIES_DESC.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
              selected={filters.severities}
              onChange={(severities) => set({ severities })}
              data-test-subj="severityFilter"
            />
            <MultiSelectFilter
              label="Provider"
              options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))}
              selected={filters.providers}
              onChange={(providers) => set({ providers })}
              data-test-subj="providerFilter"
            />
            <MultiSelectFilter
              label="Status"
              options={WORKFLOW_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              selected={filters.statuses}
              onChange={(statuses) => set({ statuses })}
              data-test-subj="statusFilter"
            />
          </EuiFilterGroup>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSuperDatePicker
            start={range.start}
            end={range.end}
            onTimeChange={({ start, end, isInvalid }) => !isInvalid && onRangeChange({ start, end })}
            onRefresh={onRefresh}
            isLoading={isLoading}
            commonlyUsedRanges={COMMON_RANGES}
            width="auto"
            data-test-subj="findingsDatePicker"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="s" alignItems="center" wrap responsive={false}>
        <EuiFlexItem style={{ minWidth: 260 }}>
          <FreeValuesFilter
            label="Account"
            placeholder="Any account (type an id)"
            known={known.accounts.map((a) => ({ value: a, label: a }))}
            selected={filters.accounts}
            onChange={(accounts) => set({ accounts })}
            pattern={ACCOUNT_PATTERN}
            data-test-subj="accountFilter"
          />
        </EuiFlexItem>
        <EuiFlexItem style={{ minWidth: 260 }}>
          <FreeValuesFilter
            label="ATT&CK"
            placeholder="Any technique (type T1078.004)"
            known={known.techniques.map((t) => ({ value: t.id, label: `${t.id} ${t.name}` }))}
            selected={filters.techniques}
            onChange={(techniques) => set({ techniques })}
            pattern={TECHNIQUE_PATTERN}
            data-test-subj="techniqueFilter"
          />
        </EuiFlexItem>
        <EuiFlexItem style={{ minWidth: 320 }}>
          <FreeValuesFilter
            label="Identity"
            placeholder="Any root identity"
            known={known.identities.map((i) => ({ value: i.id, label: i.name === i.id ? i.id : `${i.name} (${i.id})` }))}
            selected={filters.identity ? [filters.identity] : []}
            onChange={([identity]) => set({ identity })}
            pattern={IDENTITY_PATTERN}
            single
            data-test-subj="identityFilter"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="s" iconType="cross" onClick={() => onChange(NO_FILTERS)} isDisabled={!hasActiveFilters(filters)} data-test-subj="clearFilters">
            Clear filters
          </EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
    </>
  );
}
