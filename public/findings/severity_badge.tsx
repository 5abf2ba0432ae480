import { EuiBadge } from '@elastic/eui';
import type { Severity } from '../../common/finding';
import { SEVERITY_LABELS, useSeverityColors } from './severity';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const colors = useSeverityColors();
  return (
    <EuiBadge color={colors[severity]} data-test-subj={`severityBadge-${severity}`}>
      {SEVERITY_LABELS[severity]}
    </EuiBadge>
  );
}
