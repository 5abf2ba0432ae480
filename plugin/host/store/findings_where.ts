/**
 * FindingsQuery filters -> a WHERE clause made only of fixed fragments and `?` placeholders: every value the user
 * gave is a bound parameter, so no input is ever read as SQL (or as a LIKE pattern: search text goes to instr()).
 */
import type { FindingSortField, FindingsQuery } from '../../../server/store/types';

export type FindingsFilter = Omit<FindingsQuery, 'sort' | 'page' | 'perPage'>;
export type SqlValue = string | number;

export interface WhereClause {
  /** `WHERE ...` or the empty string. */
  sql: string;
  params: SqlValue[];
}

/** Columns of the findings table (alias f) by sort field; keys are the validated enum, never user text. */
export const SORT_COLUMNS: Readonly<Record<FindingSortField, string>> = {
  risk_score: 'f.risk_score',
  last_seen: 'f.last_seen',
  first_seen: 'f.first_seen',
  severity: 'f.severity_rank',
  event_count: 'f.event_count',
};

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

export function findingsWhere(q: FindingsFilter): WhereClause {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  // A chain overlaps [from, to) when it ends at or after `from` and starts before `to`.
  if (q.from !== undefined) {
    conditions.push('f.last_seen >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    conditions.push('f.first_seen < ?');
    params.push(q.to);
  }
  const oneOf = (column: string, values: readonly string[] | undefined): void => {
    if (values === undefined || values.length === 0) return;
    conditions.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  oneOf('f.severity', q.severities);
  oneOf('f.provider', q.providers);
  oneOf('f.status', q.statuses);
  const anyOf = (table: 'finding_accounts' | 'finding_techniques', column: 'account' | 'technique', values: readonly string[] | undefined): void => {
    if (values === undefined || values.length === 0) return;
    conditions.push(`f.rid IN (SELECT rid FROM ${table} WHERE ${column} IN (${placeholders(values.length)}))`);
    params.push(...values);
  };
  anyOf('finding_accounts', 'account', q.accounts);
  anyOf('finding_techniques', 'technique', q.techniques);
  if (q.identity !== undefined && q.identity !== '') {
    conditions.push('f.root_identity = ?');
    params.push(q.identity);
  }
  const text = q.search?.trim().toLowerCase() ?? '';
  if (text !== '') {
    // instr() is a plain substring test: `%`, `_`, `*` and quotes are just characters.
    conditions.push('instr(f.search_text, ?) > 0');
    params.push(text);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The chosen field, then the finding id ascending in both directions, so pages never overlap or skip. */
export function findingsOrder(sort: FindingsQuery['sort']): string {
  return `ORDER BY ${SORT_COLUMNS[sort.field]} ${sort.order === 'asc' ? 'ASC' : 'DESC'}, f.id ASC`;
}
