/** Problems grouped by severity, worst first, so what breaks detection is read before what only weakens it. */
import type { CoverageProblem } from '../../common/coverage';

export type ProblemSeverity = CoverageProblem['severity'];

export const SEVERITY_ORDER: ProblemSeverity[] = ['critical', 'warning', 'info'];

export const SEVERITY_LOOK: Record<ProblemSeverity, { label: string; color: 'danger' | 'warning' | 'primary'; icon: string }> = {
  critical: { label: 'Critical', color: 'danger', icon: 'error' },
  warning: { label: 'Warning', color: 'warning', icon: 'warning' },
  info: { label: 'Info', color: 'primary', icon: 'info' },
};

export function groupProblems(problems: CoverageProblem[]): { severity: ProblemSeverity; problems: CoverageProblem[] }[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, problems: problems.filter((p) => p.severity === severity) })).filter((g) => g.problems.length > 0);
}
