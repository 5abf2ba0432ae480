/** Tunables of the analytic. Defaults are what the CLI, the task and the host use unless configured. */
import type { ExpectedAutomation } from './automation';

export interface AnalyticConfig {
  /** How long a baseline value (network, tool, country ...) stays known without being seen again. DESIGN §3.5. */
  historyWindowMs: number;
  /** Novelty is only claimed for identities with this much history; without it "new" means nothing. */
  minHistoryEvents: number;
  minHistoryMs: number;
  /** A chain closes when none of its credentials has acted for this long (STS session lifetime, DESIGN §3.4). */
  chainIdleMs: number;
  /** Longer idle allowance for chains holding GetSessionToken / GetFederationToken credentials (36 h lifetime). */
  longSessionIdleMs: number;
  /** How long after a console login / sign-in / CloudShell start new sessions of that principal are linked to it. */
  sessionLinkMs: number;
  /** Chains scoring below this are not reported. */
  minRiskScore: number;
  /** Evidence events kept per finding; the rest are counted. */
  maxEvidence: number;
  /** Values remembered per identity and dimension (bounded state). */
  maxBaselineValues: number;
  automation: ExpectedAutomation;
}

const HOUR = 3_600_000;

export const DEFAULT_CONFIG: AnalyticConfig = {
  historyWindowMs: 14 * 24 * HOUR,
  minHistoryEvents: 20,
  minHistoryMs: HOUR,
  chainIdleMs: 12 * HOUR,
  longSessionIdleMs: 36 * HOUR,
  sessionLinkMs: 12 * HOUR,
  minRiskScore: 20,
  maxEvidence: 1000,
  maxBaselineValues: 256,
  automation: { entries: [] },
};

export function withDefaults(partial: Partial<AnalyticConfig> = {}): AnalyticConfig {
  return { ...DEFAULT_CONFIG, ...partial };
}
