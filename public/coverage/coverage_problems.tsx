/**
 * The problems list, worst first: one accordion per severity. Info problems fold away when something worse needs
 * reading first, so a long list of low-traceability notes does not push the critical ones out of view.
 */
import { EuiAccordion, EuiBadge, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import { Fragment } from 'react';
import type { CoverageProblem as Problem } from '../../common/coverage';
import { CoverageProblem } from './coverage_problem';
import { groupProblems, SEVERITY_LOOK } from './problem_groups';

export function CoverageProblems({ problems }: { problems: Problem[] }) {
  const groups = groupProblems(problems);
  const worse = problems.some((p) => p.severity !== 'info');
  return (
    <EuiPanel hasBorder data-test-subj="coverageProblems">
      <EuiTitle size="s">
        <h2>Problems</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>What keeps the detection from seeing an attack, and the change that fixes it.</p>
      </EuiText>
      <EuiSpacer size="m" />
      {groups.length === 0 && (
        <EuiCallOut size="s" color="success" iconType="check" title="No coverage problems in this range" data-test-subj="coverageNoProblems" />
      )}
      {groups.map((g, i) => {
        const look = SEVERITY_LOOK[g.severity];
        return (
          <Fragment key={g.severity}>
            {i > 0 && <EuiSpacer size="m" />}
            <EuiAccordion
              id={`coverageProblems-${g.severity}`}
              initialIsOpen={g.severity !== 'info' || !worse}
              data-test-subj={`coverageProblems-${g.severity}`}
              buttonContent={
                <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
                  <EuiFlexItem grow={false}>
                    <EuiBadge color={look.color === 'primary' ? 'hollow' : look.color}>{look.label}</EuiBadge>
                  </EuiFlexItem>
                  <EuiFlexItem grow={false}>
                    <EuiText size="s">
                      <strong>
                        {g.problems.length} {g.problems.length === 1 ? 'problem' : 'problems'}
                      </strong>
                    </EuiText>
                  </EuiFlexItem>
                </EuiFlexGroup>
              }
              paddingSize="s"
            >
              {g.problems.map((p, j) => (
                <Fragment key={j}>
                  {j > 0 && <EuiSpacer size="s" />}
                  <CoverageProblem problem={p} />
                </Fragment>
              ))}
            </EuiAccordion>
          </Fragment>
        );
      })}
    </EuiPanel>
  );
}
