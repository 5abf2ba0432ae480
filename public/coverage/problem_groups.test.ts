import type { CoverageProblem } from '../../common/coverage';
import { groupProblems } from './problem_groups';

const problem = (severity: CoverageProblem['severity'], text: string): CoverageProblem => ({ kind: 'gap', severity, provider: 'aws', text, fix: 'fix it' });

describe('problem groups', () => {
  it('puts critical problems first and leaves out severities without problems', () => {
    const groups = groupProblems([problem('info', 'low traceability'), problem('critical', 'StopLogging'), problem('info', 'another'), problem('critical', 'DeleteTrail')]);
    expect(groups.map((g) => [g.severity, g.problems.map((p) => p.text)])).toEqual([
      ['critical', ['StopLogging', 'DeleteTrail']],
      ['info', ['low traceability', 'another']],
    ]);
  });
});
