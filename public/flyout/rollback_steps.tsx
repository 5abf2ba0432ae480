/** How to undo each privileged action of the chain, next to the action and when it happened. */
import { EuiBadge, EuiCodeBlock, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import type { EvidenceEvent, RollbackStep } from '../../common/finding';
import { formatTime } from '../findings/format';

export function RollbackSteps({ steps, evidence }: { steps: readonly RollbackStep[]; evidence: readonly EvidenceEvent[] }) {
  if (steps.length === 0) {
    return (
      <EuiText size="s" color="subdued" data-test-subj="rollbackSteps">
        <p>No privileged action of this chain needs rolling back.</p>
      </EuiText>
    );
  }
  const timeOf = new Map(evidence.map((e) => [e.event_id, e['@timestamp']]));
  return (
    <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="rollbackSteps">
      {steps.map((s, i) => (
        <EuiFlexItem key={`${s.event_id}-${i}`}>
          <EuiPanel hasBorder paddingSize="s" data-test-subj={`rollback-${s.event_id}`}>
            <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
              <EuiFlexItem grow={false}>
                <EuiBadge color="danger">{s.action}</EuiBadge>
              </EuiFlexItem>
              <EuiFlexItem>
                <EuiText size="s">{s.text}</EuiText>
              </EuiFlexItem>
              {timeOf.has(s.event_id) && (
                <EuiFlexItem grow={false}>
                  <EuiText size="xs" color="subdued">
                    {formatTime(timeOf.get(s.event_id))}
                  </EuiText>
                </EuiFlexItem>
              )}
            </EuiFlexGroup>
            {s.command && (
              <>
                <EuiSpacer size="s" />
                <EuiCodeBlock language="bash" isCopyable fontSize="s" paddingSize="s" whiteSpace="pre-wrap" data-test-subj="rollbackCommand">
                  {s.command}
                </EuiCodeBlock>
              </>
            )}
          </EuiPanel>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
