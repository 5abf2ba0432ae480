/** Who, how bad, what state: severity, risk, status, headline and the root identity behind the chain. */
import { EuiBadge, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { FindingDocument } from '../../common/finding';
import { findingTitle, formatTime, PROVIDER_LABELS } from '../findings/format';
import { SeverityBadge } from '../findings/severity_badge';
import { StatusBadge } from '../findings/status_badge';

export function FlyoutHeader({ finding, titleId }: { finding: FindingDocument; titleId: string }) {
  const c = finding.cloud_api_abuse;
  const root = c.root_identity;
  return (
    <div data-test-subj="flyoutHeader">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <SeverityBadge severity={finding.kibana.alert.severity} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiBadge color="hollow" data-test-subj="flyoutRisk">
            Risk {finding.kibana.alert.risk_score}
          </EuiBadge>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <StatusBadge status={c.workflow.status} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiText size="xs" color="subdued">
            {formatTime(c.chain.first_seen)} to {formatTime(c.chain.last_seen)} · {c.chain.event_count} events · {c.chain.services.length} service(s)
            {c.chain.accounts.length > 1 ? ` · ${c.chain.accounts.length} accounts` : ''}
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiTitle size="s">
        <h2 id={titleId}>{findingTitle(finding)}</h2>
      </EuiTitle>
      <EuiSpacer size="xs" />
      <EuiText size="s" data-test-subj="flyoutRootIdentity">
        <p>
          Root identity <strong>{root.name}</strong> ({root.type}, {PROVIDER_LABELS[root.provider]}
          {root.account ? ` ${root.account}` : ''}) ·{' '}
          {root.human ? (
            <>
              accountable human <strong>{root.human}</strong>
            </>
          ) : (
            'no accountable human named in the logs'
          )}
        </p>
      </EuiText>
      <EuiText size="xs" color="subdued">
        <p>
          {root.id} · finding {c.finding_id}
        </p>
      </EuiText>
      {c.automation && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut size="s" iconType="gear" title={`Down-weighted as expected automation: ${c.automation.name}`} data-test-subj="flyoutAutomation">
            <p>{c.automation.reason}</p>
          </EuiCallOut>
        </>
      )}
    </div>
  );
}
