/** Why there is nothing to show, and what to do about it. */
import { EuiButton, EuiButtonEmpty, EuiEmptyPrompt } from '@elastic/eui';
import type { DetectionHealth } from '../../common/api';
import { useAppServices } from '../app/services';

export interface FindingsEmptyProps {
  /** Filters other than the time range are in use. */
  filtered: boolean;
  health?: DetectionHealth;
  onWidenRange(): void;
  onClearFilters(): void;
}

export function FindingsEmpty({ filtered, health, onWidenRange, onClearFilters }: FindingsEmptyProps) {
  const { api, canWrite, navigate, notify } = useAppServices();
  const coverage = (
    <EuiButtonEmpty key="coverage" iconType="visGauge" onClick={() => navigate('/coverage')} data-test-subj="emptyOpenCoverage">
      Check coverage
    </EuiButtonEmpty>
  );

  if (!filtered && health && !health.lastRunFinishedAt && !health.running) {
    const runNow = async () => {
      try {
        await api.runDetectionSoon();
        notify({ title: 'Detection will run in a moment', color: 'success', text: 'Findings appear here when it finishes.' });
      } catch (err) {
        notify({ title: 'Detection could not be started', color: 'danger', text: err instanceof Error ? err.message : String(err) });
      }
    };
    return (
      <EuiEmptyPrompt
        iconType="securityAnalyticsApp"
        title={<h2>Detection has not run yet</h2>}
        body={
          <p>
            Findings appear after the first detection run over your cloud audit logs.{' '}
            {canWrite ? 'Run it now, or' : 'Ask a user with write access to run detection, or'} check coverage to see which AWS, GCP and Azure logs it
            can read.
          </p>
        }
        actions={[
          ...(canWrite
            ? [
                <EuiButton key="run" fill iconType="play" onClick={runNow} data-test-subj="emptyRunDetection">
                  Run detection now
                </EuiButton>,
              ]
            : []),
          coverage,
        ]}
        data-test-subj="findingsNeverRan"
      />
    );
  }

  if (filtered) {
    return (
      <EuiEmptyPrompt
        iconType="search"
        title={<h2>No findings match these filters</h2>}
        body={<p>Widen the time range, or remove some filters.</p>}
        actions={[
          <EuiButton key="widen" onClick={onWidenRange} data-test-subj="emptyWidenRange">
            Search the last 90 days
          </EuiButton>,
          <EuiButtonEmpty key="clear" onClick={onClearFilters} data-test-subj="emptyClearFilters">
            Clear filters
          </EuiButtonEmpty>,
        ]}
        data-test-subj="findingsNoMatch"
      />
    );
  }

  return (
    <EuiEmptyPrompt
      iconType="checkCircleFill"
      title={<h2>No findings in this time range</h2>}
      body={<p>Detection found no stolen or misused credentials here. Widen the time range, or check coverage to make sure the audit logs are read.</p>}
      actions={[
        <EuiButton key="widen" onClick={onWidenRange} data-test-subj="emptyWidenRange">
          Search the last 90 days
        </EuiButton>,
        coverage,
      ]}
      data-test-subj="findingsNoneInRange"
    />
  );
}
