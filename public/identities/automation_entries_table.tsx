/** The expected-automation entries: what each matches and why it is expected. Writers get edit and remove. */
import { EuiBadge, EuiBadgeGroup, EuiBasicTable, EuiText, type EuiBasicTableColumn } from '@elastic/eui';
import type { AutomationEntry } from './automation_config';

type Row = AutomationEntry & { index: number };

function Matchers({ values, code }: { values?: string[]; code?: boolean }) {
  if (!values?.length) {
    return (
      <EuiText size="xs" color="subdued">
        any
      </EuiText>
    );
  }
  return (
    <EuiBadgeGroup gutterSize="xs">
      {values.map((v) => (
        <EuiBadge key={v} color="hollow" style={code ? { fontFamily: 'monospace' } : undefined}>
          {v}
        </EuiBadge>
      ))}
    </EuiBadgeGroup>
  );
}

export function AutomationEntriesTable({
  entries,
  canWrite,
  onEdit,
  onRemove,
}: {
  entries: AutomationEntry[];
  canWrite: boolean;
  onEdit(index: number): void;
  onRemove(index: number): void;
}) {
  const columns: EuiBasicTableColumn<Row>[] = [
    {
      field: 'name',
      name: 'Name and reason',
      width: '22em',
      render: (name: string, e: Row) => (
        <div>
          <EuiText size="s">
            <strong>{name}</strong>
          </EuiText>
          <EuiText size="xs" color="subdued">
            {e.reason}
          </EuiText>
        </div>
      ),
    },
    { field: 'identities', name: 'Identities (globs)', render: (v: string[] | undefined) => <Matchers values={v} code /> },
    { field: 'user_agents', name: 'User-agent families', width: '13em', render: (v: string[] | undefined) => <Matchers values={v} /> },
    { field: 'accounts', name: 'Accounts', width: '18em', render: (v: string[] | undefined) => <Matchers values={v} code /> },
  ];
  if (canWrite) {
    columns.push({
      name: 'Actions',
      width: '80px',
      actions: [
        { name: 'Edit', description: 'Edit this entry', icon: 'pencil', type: 'icon', onClick: (e: Row) => onEdit(e.index), 'data-test-subj': 'editAutomationEntry' },
        { name: 'Remove', description: 'Remove this entry', icon: 'trash', type: 'icon', color: 'danger', onClick: (e: Row) => onRemove(e.index), 'data-test-subj': 'removeAutomationEntry' },
      ],
    });
  }
  return (
    <EuiBasicTable
      tableCaption="Expected automation entries"
      items={entries.map((e, index) => ({ ...e, index }))}
      columns={columns}
      rowProps={(e: Row) => ({ 'data-test-subj': `automationEntry-${e.index}` })}
      noItemsMessage="No expected automation: every chain is scored in full"
    />
  );
}
