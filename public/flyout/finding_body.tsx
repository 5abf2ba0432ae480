/** The investigation, top to bottom: the chain over time, the shift, the lineage, why it scored, the evidence, the response. */
import { EuiCallOut, EuiSpacer, EuiTitle } from '@elastic/eui';
import type { FindingWithRecords } from '../../common/api';
import { ChainTimeline } from './chain_timeline';
import { ContainmentSteps } from './containment_steps';
import { EvidenceTable } from './evidence_table';
import { FlyoutSection } from './flyout_section';
import { LineageGraph } from './lineage_graph';
import { ReasonsList } from './reasons_list';
import { RollbackSteps } from './rollback_steps';
import { ShiftContext } from './shift_context';
import { TechniqueBadges } from './technique_badges';

function lineageDepthText(depth: number): string {
  if (depth === 0) return 'Every credential here belongs to the root identity directly; none was minted from another in this chain.';
  return `From the root identity to the credentials that acted, ${depth} hop${depth === 1 ? '' : 's'} deep.`;
}

export function FindingBody({ data }: { data: FindingWithRecords }) {
  const { finding, records, recordsError } = data;
  const c = finding.cloud_api_abuse;
  return (
    <>
      <FlyoutSection title="Chain timeline" description="Auth shift, then reconnaissance, privileged actions and logging tamper, as they happened.">
        <ChainTimeline fields={c} />
      </FlyoutSection>
      <FlyoutSection title="Context before and after the shift" description="The identity's usual context against the one the chain started in; new values are highlighted.">
        <ShiftContext shift={c.shift} />
      </FlyoutSection>
      <FlyoutSection
        title="Credential lineage"
        description={`${lineageDepthText(c.lineage.depth)} Each arrow is the call that minted the next credential; red boxes made privileged or tamper calls.`}
      >
        <LineageGraph root={c.root_identity} nodes={c.lineage.nodes} evidence={c.evidence} />
      </FlyoutSection>
      <FlyoutSection title="Why this risk score" description={`Each reason adds risk points (risk ${finding.kibana.alert.risk_score} of 100).`}>
        <ReasonsList reasons={c.reasons} risk={finding.kibana.alert.risk_score} />
        <EuiSpacer size="m" />
        <EuiTitle size="xxs">
          <h4>MITRE ATT&CK techniques</h4>
        </EuiTitle>
        <EuiSpacer size="s" />
        <TechniqueBadges techniques={c.techniques} />
      </FlyoutSection>
      <FlyoutSection title="Evidence events" description="Expand an event to see the raw log record it was read from.">
        {recordsError && (
          <>
            <EuiCallOut size="s" color="warning" iconType="warning" title="The raw records could not be read" data-test-subj="recordsError">
              <p>{recordsError}</p>
            </EuiCallOut>
            <EuiSpacer size="s" />
          </>
        )}
        <EvidenceTable evidence={c.evidence} records={records} recordsError={recordsError} />
      </FlyoutSection>
      <FlyoutSection title="Containment" description="Stop the stolen credentials first, in this order.">
        <ContainmentSteps steps={c.response.containment} />
      </FlyoutSection>
      <FlyoutSection title="Rollback" description="Undo each privileged action of the chain.">
        <RollbackSteps steps={c.response.rollback} evidence={c.evidence} />
      </FlyoutSection>
    </>
  );
}
