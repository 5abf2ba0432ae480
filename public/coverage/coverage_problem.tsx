/** One coverage problem: what is wrong, where, and how to fix it. */
import { EuiCallOut, EuiText } from '@elastic/eui';
import type { CoverageProblem as Problem } from '../../common/coverage';
import { problemWhere } from './coverage_format';
import { SEVERITY_LOOK } from './problem_groups';

export function CoverageProblem({ problem }: { problem: Problem }) {
  const look = SEVERITY_LOOK[problem.severity];
  return (
    <EuiCallOut size="s" color={look.color} iconType={look.icon} title={problem.text} data-test-subj={`coverageProblem-${problem.kind}`}>
      <EuiText size="xs" color="subdued">
        <p>{problemWhere(problem)}</p>
      </EuiText>
      <EuiText size="s">
        <p data-test-subj="coverageProblemFix">
          <strong>How to fix: </strong>
          {problem.fix}
        </p>
      </EuiText>
    </EuiCallOut>
  );
}
