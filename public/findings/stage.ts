/** The chain's stages in the order an intrusion runs them, with one name and one colour each, table and flyout alike. */
import { useEuiTheme } from '@elastic/eui';
import type { ChainStage } from '../../common/finding';

export const STAGE_ORDER: readonly ChainStage[] = ['shift', 'recon', 'privileged', 'tamper', 'activity'];

export const STAGE_LABELS: Record<ChainStage, string> = {
  shift: 'Auth shift',
  recon: 'Recon',
  privileged: 'Privileged',
  tamper: 'Tamper',
  activity: 'Other activity',
};

export interface StageColors {
  /** Marks and lines. */
  strong: Record<ChainStage, string>;
  /** Badge backgrounds (dark text stays readable). */
  light: Record<ChainStage, string>;
}

export function useStageColors(): StageColors {
  const { colors } = useEuiTheme().euiTheme;
  return {
    strong: { shift: colors.warning, recon: colors.primary, privileged: colors.danger, tamper: colors.accent, activity: colors.mediumShade },
    light: {
      shift: colors.backgroundLightWarning,
      recon: colors.backgroundLightPrimary,
      privileged: colors.backgroundLightDanger,
      tamper: colors.backgroundLightAccent,
      activity: colors.lightShade,
    },
  };
}

/** Stages present in a chain, in chain order, with their event counts summed over kinds. */
export function stageCounts(stages: readonly { stage: ChainStage; count: number }[]): { stage: ChainStage; count: number }[] {
  const counts = new Map<ChainStage, number>();
  for (const s of stages) counts.set(s.stage, (counts.get(s.stage) ?? 0) + s.count);
  return STAGE_ORDER.filter((s) => counts.has(s)).map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}
