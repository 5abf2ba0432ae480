import { EuiBadge } from '@elastic/eui';
import type { WorkflowStatus } from '../../common/finding';

export const STATUS_LABELS: Record<WorkflowStatus, string> = { open: 'Open', acknowledged: 'Acknowledged', closed: 'Closed' };

const STATUS_COLORS: Record<WorkflowStatus, string> = { open: 'primary', acknowledged: 'warning', closed: 'default' };

export function StatusBadge({ status }: { status: WorkflowStatus }) {
  return (
    <EuiBadge color={STATUS_COLORS[status]} data-test-subj={`statusBadge-${status}`}>
      {STATUS_LABELS[status]}
    </EuiBadge>
  );
}
