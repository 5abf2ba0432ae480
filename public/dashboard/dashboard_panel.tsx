/** One dashboard panel: a title, then its content once loaded, a spinner before, or why it could not load. */
import type { ReactNode } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiLoadingChart, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { ApiError } from '../api/http';
import { ApiErrorPrompt } from '../app/api_error_prompt';

export interface DashboardPanelProps {
  title: string;
  /** A line under the title: what the panel counts. */
  description?: ReactNode;
  /** Beside the title: a link to the page with the details. */
  action?: ReactNode;
  loading: boolean;
  error?: ApiError;
  onRetry?: () => void;
  /** Shown instead of the content when loaded and there is nothing to show. */
  empty?: string;
  'data-test-subj': string;
  children?: ReactNode;
}

export function DashboardPanel({ title, description, action, loading, error, onRetry, empty, children, 'data-test-subj': testSubj }: DashboardPanelProps) {
  let body: ReactNode;
  if (error) body = <ApiErrorPrompt error={error} onRetry={onRetry} />;
  else if (loading) body = <EuiLoadingChart size="l" data-test-subj={`${testSubj}-loading`} />;
  else if (empty !== undefined)
    body = (
      <EuiText size="s" color="subdued" data-test-subj={`${testSubj}-empty`}>
        <p>{empty}</p>
      </EuiText>
    );
  else body = children;

  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={testSubj} aria-busy={loading && !error}>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="flexStart" gutterSize="s" responsive={false}>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h2>{title}</h2>
          </EuiTitle>
          {description && (
            <EuiText size="xs" color="subdued">
              <p>{description}</p>
            </EuiText>
          )}
        </EuiFlexItem>
        {action && <EuiFlexItem grow={false}>{action}</EuiFlexItem>}
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {body}
    </EuiPanel>
  );
}
