/** No events in the range: most often the integrations are not shipping, or the range misses the data. */
import { EuiButton, EuiEmptyPrompt, EuiText } from '@elastic/eui';

export function CoverageEmptyPrompt({ onWiden }: { onWiden?: () => void }) {
  return (
    <EuiEmptyPrompt
      iconType="logstashInput"
      title={<h2>No audit events in this time range</h2>}
      data-test-subj="coverageEmpty"
      body={
        <EuiText size="s" textAlign="left">
          <p>Coverage is measured from the cloud audit logs the detection reads. Check that:</p>
          <ul>
            <li>the AWS integration is shipping CloudTrail (logs-aws.cloudtrail-*),</li>
            <li>the Google Cloud Platform integration is shipping audit logs (logs-gcp.audit-*),</li>
            <li>the Azure integrations are shipping Activity logs and Entra ID sign-in logs (logs-azure.activitylogs-*, logs-azure.signinlogs-*),</li>
            <li>and the time range covers the days those logs are from: widen it if in doubt.</li>
          </ul>
        </EuiText>
      }
      actions={
        onWiden ? (
          <EuiButton onClick={onWiden} data-test-subj="coverageWidenRange">
            Show the last 90 days
          </EuiButton>
        ) : undefined
      }
    />
  );
}
