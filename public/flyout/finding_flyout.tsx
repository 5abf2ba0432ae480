/**
 * The finding flyout: loads one finding with the raw records behind its evidence, shows the investigation, and lets
 * writers change its status. Export writes the finding and its records as one JSON file (audit evidence).
 */
import { useEffect, useId, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiSkeletonText,
  EuiSkeletonTitle,
  EuiSpacer,
} from '@elastic/eui';
import { ApiErrorPrompt } from '../app/api_error_prompt';
import { useAppServices } from '../app/services';
import { useApiCall } from '../app/use_api_call';
import { downloadJson, exportFileName, findingExport } from './export_finding';
import { FindingBody } from './finding_body';
import { FlyoutHeader } from './flyout_header';
import { StatusForm, type Workflow } from './status_form';

export interface FindingFlyoutProps {
  findingId: string;
  onClose(): void;
  /** The status changed on the server: lists showing the finding reload. */
  onStatusChanged?(): void;
}

export function FindingFlyout({ findingId, onClose, onStatusChanged }: FindingFlyoutProps) {
  const { api } = useAppServices();
  const titleId = `findingFlyoutTitle-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const loaded = useApiCall((signal) => api.getFinding(findingId, signal), [findingId]);
  const [workflow, setWorkflow] = useState<Workflow | undefined>();
  useEffect(() => setWorkflow(undefined), [findingId]);

  const data = loaded.value && {
    ...loaded.value,
    finding: { ...loaded.value.finding, cloud_api_abuse: { ...loaded.value.finding.cloud_api_abuse, workflow: workflow ?? loaded.value.finding.cloud_api_abuse.workflow } },
  };

  return (
    <EuiFlyout onClose={onClose} size="l" ownFocus aria-labelledby={titleId} data-test-subj="findingFlyout">
      <EuiFlyoutHeader hasBorder>
        {data ? (
          <FlyoutHeader finding={data.finding} titleId={titleId} />
        ) : (
          <div data-test-subj={loaded.error ? undefined : 'findingFlyoutLoading'}>
            <EuiSkeletonTitle size="m" isLoading={!loaded.error} contentAriaLabel="Finding">
              <h2 id={titleId}>Finding {findingId}</h2>
            </EuiSkeletonTitle>
          </div>
        )}
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {loaded.error ? (
          <ApiErrorPrompt error={loaded.error} onRetry={loaded.reload} />
        ) : data ? (
          <FindingBody data={data} />
        ) : (
          <>
            <EuiSkeletonText lines={4} />
            <EuiSpacer />
            <EuiSkeletonText lines={6} />
          </>
        )}
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween" alignItems="flexEnd" gutterSize="m">
          <EuiFlexItem>
            {data && (
              <StatusForm
                findingId={findingId}
                workflow={data.finding.cloud_api_abuse.workflow}
                onSaved={(w) => {
                  setWorkflow(w);
                  onStatusChanged?.();
                }}
              />
            )}
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiFlexGroup gutterSize="s" responsive={false}>
              <EuiFlexItem grow={false}>
                <EuiButtonEmpty onClick={onClose} data-test-subj="flyoutClose">
                  Close
                </EuiButtonEmpty>
              </EuiFlexItem>
              <EuiFlexItem grow={false}>
                <EuiButton
                  iconType="download"
                  isDisabled={!data}
                  onClick={() => data && downloadJson(exportFileName(findingId), findingExport(data))}
                  data-test-subj="exportFinding"
                >
                  Export JSON
                </EuiButton>
              </EuiFlexItem>
            </EuiFlexGroup>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
}
