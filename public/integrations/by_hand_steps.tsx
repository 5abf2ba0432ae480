/** How to install the rule and the dashboard without the buttons: the two files, and where each is imported. */
import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiText } from '@elastic/eui';
import { RULE_FILE, SAVED_OBJECTS_FILE } from './kibana_import';

export interface ByHandStepsProps {
  /** Inside Kibana the files download from the plugin; elsewhere they are written by the script in plugin/saved_objects. */
  onDownload?: (which: 'rule' | 'savedObjects') => void;
  downloading?: 'rule' | 'savedObjects';
}

export function ByHandSteps({ onDownload, downloading }: ByHandStepsProps) {
  return (
    <>
      <EuiText size="s" data-test-subj="integrationByHand">
        <ol>
          <li>
            <strong>Security &gt; Rules &gt; Import rules</strong>: import <code>{RULE_FILE}</code>, with &quot;Overwrite existing detection rules with
            conflicting Rule ID&quot; to update an earlier copy. Each finding then becomes one Security alert, named after its reason, with its severity
            and risk score.
          </li>
          <li>
            <strong>Stack Management &gt; Saved objects &gt; Import</strong>: import <code>{SAVED_OBJECTS_FILE}</code> (the findings data view, the
            dashboard and its panels), overwriting earlier copies.
          </li>
        </ol>
        <p>The rule runs with the rights of whoever imports or enables it: that user needs read access to this space&apos;s findings index.</p>
      </EuiText>
      {onDownload && (
        <EuiFlexGroup gutterSize="s" responsive={false} wrap>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty size="s" iconType="download" isLoading={downloading === 'rule'} onClick={() => onDownload('rule')} data-test-subj="downloadSecurityRule">
              Download the rule
            </EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty size="s" iconType="download" isLoading={downloading === 'savedObjects'} onClick={() => onDownload('savedObjects')} data-test-subj="downloadSavedObjects">
              Download the dashboard
            </EuiButtonEmpty>
          </EuiFlexItem>
        </EuiFlexGroup>
      )}
    </>
  );
}
