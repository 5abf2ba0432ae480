/** The events behind the finding, each expandable to its raw log record. */
import { useMemo, useState, type ReactNode } from 'react';
import { EuiBadge, EuiButtonIcon, EuiHealth, EuiInMemoryTable, EuiScreenReaderOnly, EuiToolTip, type EuiBasicTableColumn } from '@elastic/eui';
import type { EvidenceEvent } from '../../common/finding';
import { formatTime, shortPrincipal } from '../findings/format';
import { STAGE_LABELS, useStageColors } from '../findings/stage';
import { RawRecord, type RecordEntry } from './raw_record';

export interface EvidenceTableProps {
  evidence: readonly EvidenceEvent[];
  records: readonly RecordEntry[];
  recordsError?: string;
}

export function EvidenceTable({ evidence, records, recordsError }: EvidenceTableProps) {
  const stageColors = useStageColors();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const byId = useMemo(() => new Map(records.map((r) => [r.event_id, r])), [records]);
  const items = useMemo(() => [...evidence].sort((a, b) => a['@timestamp'].localeCompare(b['@timestamp'])), [evidence]);

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const expandedRows: Record<string, ReactNode> = {};
  for (const e of items) if (expanded.has(e.event_id)) expandedRows[e.event_id] = <RawRecord event={e} entry={byId.get(e.event_id)} recordsError={recordsError} />;

  const columns: EuiBasicTableColumn<EvidenceEvent>[] = [
    {
      width: '40px',
      isExpander: true,
      name: (
        <EuiScreenReaderOnly>
          <span>Raw record</span>
        </EuiScreenReaderOnly>
      ),
      render: (e: EvidenceEvent) => (
        <EuiButtonIcon
          onClick={() => toggle(e.event_id)}
          aria-label={expanded.has(e.event_id) ? 'Hide the raw record' : 'Show the raw record'}
          iconType={expanded.has(e.event_id) ? 'chevronSingleDown' : 'chevronSingleRight'}
          data-test-subj={`evidenceRawToggle-${e.event_id}`}
        />
      ),
    },
    { field: '@timestamp', name: 'Time', sortable: true, width: '150px', render: (t: string) => formatTime(t) },
    { field: 'stage', name: 'Stage', width: '110px', render: (s: EvidenceEvent['stage']) => <EuiBadge color={stageColors.light[s]}>{STAGE_LABELS[s]}</EuiBadge> },
    {
      field: 'action',
      name: 'Action',
      render: (_: string, e: EvidenceEvent) => (
        <span>
          <strong>{e.action}</strong>
          <br />
          <small style={{ opacity: 0.7 }}>{e.service}</small>
        </span>
      ),
    },
    {
      field: 'principal',
      name: 'Principal',
      render: (p: string) => (
        <EuiToolTip content={p}>
          <span tabIndex={0} style={{ wordBreak: 'break-all' }}>
            {shortPrincipal(p)}
          </span>
        </EuiToolTip>
      ),
    },
    { field: 'source_ip', name: 'Source IP', width: '120px', render: (ip?: string) => ip ?? '-' },
    {
      field: 'user_agent',
      name: 'User agent',
      truncateText: true,
      render: (ua?: string) =>
        ua ? (
          <EuiToolTip content={ua}>
            <span tabIndex={0}>{ua}</span>
          </EuiToolTip>
        ) : (
          '-'
        ),
    },
    {
      field: 'outcome',
      name: 'Outcome',
      width: '130px',
      render: (o: string, e: EvidenceEvent) => (
        <EuiHealth color={o === 'success' ? 'success' : o === 'failure' ? 'danger' : 'subdued'}>
          {o}
          {e.error_code ? ` (${e.error_code})` : ''}
        </EuiHealth>
      ),
    },
  ];

  return (
    <EuiInMemoryTable<EvidenceEvent>
      tableCaption="Evidence events"
      items={items}
      itemId="event_id"
      columns={columns}
      itemIdToExpandedRowMap={expandedRows}
      pagination={items.length > 20 ? { initialPageSize: 20, pageSizeOptions: [20, 50, 100] } : undefined}
      sorting={{ sort: { field: '@timestamp', direction: 'asc' } }}
      rowProps={(e: EvidenceEvent) => ({ 'data-test-subj': `evidenceRow-${e.event_id}` })}
      data-test-subj="evidenceTable"
    />
  );
}
