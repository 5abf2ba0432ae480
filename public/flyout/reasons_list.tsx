/** Why the chain scored what it did: each reason with its risk points, heaviest first. */
import { EuiFlexGroup, EuiFlexItem, EuiProgress, EuiText } from '@elastic/eui';
import type { Reason } from '../../common/finding';

export function ReasonsList({ reasons, risk }: { reasons: readonly Reason[]; risk: number }) {
  const sorted = [...reasons].sort((a, b) => b.weight - a.weight);
  const max = Math.max(1, ...sorted.map((r) => r.weight));
  return (
    <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="reasonsList">
      {sorted.map((r) => (
        <EuiFlexItem key={r.code + r.text} data-test-subj={`reason-${r.code}`}>
          <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false} style={{ width: 44, textAlign: 'right' }}>
              <EuiText size="s">
                <strong>+{r.weight}</strong>
              </EuiText>
            </EuiFlexItem>
            <EuiFlexItem grow={false} style={{ width: 110 }}>
              <EuiProgress value={r.weight} max={max} size="m" color="danger" aria-label={`${r.weight} of ${risk} risk points`} />
            </EuiFlexItem>
            <EuiFlexItem>
              <EuiText size="s">{r.text}</EuiText>
              <EuiText size="xs" color="subdued">
                {r.code} · {r.evidence.length} evidence event{r.evidence.length === 1 ? '' : 's'}
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
