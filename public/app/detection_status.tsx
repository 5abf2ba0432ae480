/**
 * The scheduled detection at a glance, on every page: running (with events read so far), last run and its figures,
 * or the error that stopped it; and "Run detection now" for users who may.
 */
import { useEffect, useState } from 'react';
import { EuiBadge, EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiText, EuiToolTip } from '@elastic/eui';
import type { DetectionHealth } from '../../common/api';
import { useAppServices } from './services';
import { useApiCall } from './use_api_call';

const POLL_MS = 10_000;
const RUNNING_POLL_MS = 2_000;

export function ago(iso: string | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}

export function healthSummary(h: DetectionHealth): { color: 'success' | 'danger' | 'primary' | 'default'; label: string; detail: string } {
  if (h.running) return { color: 'primary', label: 'Detection running', detail: h.progress ? `${h.progress.eventsRead.toLocaleString()} events read so far` : 'in progress' };
  if (h.lastError && (!h.lastSuccessAt || h.lastError.at >= h.lastSuccessAt)) {
    return { color: 'danger', label: 'Detection failing', detail: `${h.lastError.message} (${ago(h.lastError.at)}, ${h.consecutiveFailures} failed run(s) in a row)` };
  }
  if (!h.lastRunFinishedAt) return { color: 'default', label: h.enabled ? 'Detection scheduled' : 'Detection not scheduled', detail: 'no run has finished yet' };
  const run = h.lastRun;
  const figures = run ? `${run.eventsRead.toLocaleString()} events, ${run.findingsWritten.toLocaleString()} findings written in ${(run.durationMs / 1000).toFixed(1)} s` : '';
  return { color: 'success', label: `Last run ${ago(h.lastRunFinishedAt)}`, detail: figures };
}

export function DetectionStatus({ onRunFinished }: { onRunFinished?: () => void }) {
  const { api, canWrite, notify } = useAppServices();
  const [tick, setTick] = useState(0);
  const health = useApiCall((signal) => api.health(signal), [tick]);
  const running = health.value?.running ?? false;
  const [wasRunning, setWasRunning] = useState(false);

  useEffect(() => {
    const t = setTimeout(() => setTick((n) => n + 1), running ? RUNNING_POLL_MS : POLL_MS);
    return () => clearTimeout(t);
  }, [tick, running]);

  useEffect(() => {
    if (wasRunning && !running) onRunFinished?.();
    setWasRunning(running);
  }, [running, wasRunning, onRunFinished]);

  const runNow = async () => {
    try {
      await api.runDetectionSoon();
      notify({ title: 'Detection will run in a moment', color: 'success' });
      setTick((n) => n + 1);
    } catch (err) {
      notify({ title: 'Detection could not be started', color: 'danger', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const summary = health.value ? healthSummary(health.value) : health.error ? { color: 'danger' as const, label: 'Status unavailable', detail: health.error.message } : undefined;
  return (
    <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} data-test-subj="detectionStatus">
      {summary && (
        <EuiFlexItem grow={false}>
          <EuiToolTip content={summary.detail}>
            <EuiBadge color={summary.color} tabIndex={0}>
              {summary.label}
            </EuiBadge>
          </EuiToolTip>
        </EuiFlexItem>
      )}
      {summary && summary.detail && (
        <EuiFlexItem grow={false}>
          <EuiText size="xs" color="subdued">
            {summary.detail}
          </EuiText>
        </EuiFlexItem>
      )}
      {canWrite && (
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="s" iconType="play" onClick={runNow} isDisabled={running} data-test-subj="runDetectionNow">
            Run detection now
          </EuiButtonEmpty>
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}
