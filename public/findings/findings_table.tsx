/** One page of findings, paged and sorted by the server; rows open the flyout, and writers can select rows. */
import { useMemo, type MouseEvent } from 'react';
import { EuiBasicTable, type CriteriaWithPagination } from '@elastic/eui';
import type { FindingsPage } from '../../common/api';
import { findingsColumns } from './findings_columns';
import { toFindingRow, type FindingRow } from './finding_row';
import { isSortField, PAGE_SIZES, type TableState } from './table_state';

export interface FindingsTableProps {
  page?: FindingsPage;
  loading: boolean;
  state: TableState;
  onStateChange(state: TableState): void;
  /** Selection is offered only when given (users who may change status). */
  selectedIds?: readonly string[];
  onSelectionChange?(ids: string[]): void;
  onOpen(id: string): void;
  noItemsMessage?: React.ReactNode;
}

export function FindingsTable({ page, loading, state, onStateChange, selectedIds, onSelectionChange, onOpen, noItemsMessage }: FindingsTableProps) {
  const rows = useMemo(() => (page?.findings ?? []).map(toFindingRow), [page]);
  const columns = useMemo(() => findingsColumns(onOpen), [onOpen]);

  const onChange = ({ page: p, sort }: CriteriaWithPagination<FindingRow>) => {
    const sortField = sort && isSortField(sort.field) ? sort.field : state.sortField;
    const sortOrder = sort?.direction ?? state.sortOrder;
    const sortChanged = sortField !== state.sortField || sortOrder !== state.sortOrder;
    const sizeChanged = p.size !== state.pageSize;
    onStateChange({ sortField, sortOrder, pageSize: p.size, pageIndex: sortChanged || sizeChanged ? 0 : p.index });
  };

  // A click on the row opens the finding, unless it was on a control inside the row (checkbox, link, button).
  const rowProps = (row: FindingRow) => ({
    'data-test-subj': `findingsRow-${row.id}`,
    style: { cursor: 'pointer' },
    onClick: (e: MouseEvent<HTMLElement>) => {
      if ((e.target as HTMLElement).closest('input, button, a, [role="checkbox"]')) return;
      onOpen(row.id);
    },
  });

  return (
    <EuiBasicTable<FindingRow>
      tableCaption="Findings"
      items={rows}
      itemId="id"
      columns={columns}
      loading={loading}
      rowProps={rowProps}
      pagination={{ pageIndex: state.pageIndex, pageSize: state.pageSize, totalItemCount: page?.total ?? 0, pageSizeOptions: PAGE_SIZES }}
      sorting={{ sort: { field: state.sortField, direction: state.sortOrder } }}
      selection={
        onSelectionChange
          ? { selected: rows.filter((r) => selectedIds?.includes(r.id)), onSelectionChange: (sel: FindingRow[]) => onSelectionChange(sel.map((r) => r.id)) }
          : undefined
      }
      onChange={onChange}
      noItemsMessage={noItemsMessage}
      data-test-subj="findingsTable"
    />
  );
}
