/** The table's paging and sort, in the API's terms. */
import { FINDING_SORT_FIELDS, type FindingSortField, type FindingsListParams } from '../../common/api';

export interface TableState {
  pageIndex: number;
  pageSize: number;
  sortField: FindingSortField;
  sortOrder: 'asc' | 'desc';
}

export const DEFAULT_TABLE_STATE: TableState = { pageIndex: 0, pageSize: 25, sortField: 'risk_score', sortOrder: 'desc' };
export const PAGE_SIZES = [10, 25, 50, 100];

export function isSortField(field: unknown): field is FindingSortField {
  return (FINDING_SORT_FIELDS as readonly unknown[]).includes(field);
}

export function toPageParams(s: TableState): Pick<FindingsListParams, 'page' | 'perPage' | 'sortField' | 'sortOrder'> {
  return { page: s.pageIndex, perPage: s.pageSize, sortField: s.sortField, sortOrder: s.sortOrder };
}
