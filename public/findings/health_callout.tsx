/** The detection's last error, above the table: findings may be missing or stale until it is fixed. */
import { EuiCallOut } from '@elastic/eui';
import type { DetectionHealth } from '../../common/api';
import { formatTime } from './format';

export function HealthCallout({ health }: { health?: DetectionHealth }) {
  const error = health?.lastError;
  if (!error) return null;
  const recovered = !!health.lastSuccessAt && health.lastSuccessAt > error.at;
  return (
    <EuiCallOut
      color={recovered ? 'warning' : 'danger'}
      iconType="warning"
      size="s"
      title={recovered ? `A detection run failed at ${formatTime(error.at)}; later runs succeeded` : `Detection is failing: findings may be missing or stale`}
      data-test-subj="detectionErrorCallout"
    >
      <p>
        {error.message}
        {!recovered && health.consecutiveFailures > 0 ? ` (${health.consecutiveFailures} failed run(s) in a row, last at ${formatTime(error.at)})` : ''}
      </p>
    </EuiCallOut>
  );
}
