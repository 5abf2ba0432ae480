/**
 * A FakeRouter with in-memory stores behind it and a services resolver that reads the user the way the plugin
 * does (`(await context.core).security.authc.getCurrentUser()`). Route tests register their route on `router`.
 */
import type { FindingDocument } from '../../../common/finding';
import type { RouteLogger, ServicesFor } from '../../../server/routes/services';
import { FakeRouter, type FakeRequestContext } from './fake_router';
import { FakeAutomationConfigStore, FakeCoverageSource, FakeDetectionControl, FakeEvidenceStore, FakeFindingsStore, FakeIdentityProfileStore } from './fake_stores';

export interface FakeKibanaOptions {
  findings?: FindingDocument[];
  /** Raw evidence records by event id. */
  records?: Map<string, unknown>;
  /** false: the host cannot name the request's user (writes must then be refused). */
  namesUsers?: boolean;
}

export interface FakeKibana {
  router: FakeRouter;
  findings: FakeFindingsStore;
  evidence: FakeEvidenceStore;
  automation: FakeAutomationConfigStore;
  control: FakeDetectionControl;
  coverage: FakeCoverageSource;
  identities: FakeIdentityProfileStore;
  servicesFor: ServicesFor<FakeRequestContext>;
  logger: RouteLogger;
  /** What the routes logged, in order. */
  logged: string[];
}

export function createFakeKibana(options: FakeKibanaOptions = {}): FakeKibana {
  const findings = new FakeFindingsStore(options.findings);
  const evidence = new FakeEvidenceStore(options.records);
  const automation = new FakeAutomationConfigStore();
  const control = new FakeDetectionControl();
  const coverage = new FakeCoverageSource();
  const identities = new FakeIdentityProfileStore();
  const namesUsers = options.namesUsers ?? true;
  const logged: string[] = [];
  const servicesFor: ServicesFor<FakeRequestContext> = async (context) => {
    const core = await context.core;
    const username = namesUsers ? core.security.authc.getCurrentUser()?.username : undefined;
    return { findings, evidence, automation, control, coverage, identities, currentUser: () => username };
  };
  const logger: RouteLogger = { error: (message) => logged.push(message instanceof Error ? message.message : message) };
  return { router: new FakeRouter(), findings, evidence, automation, control, coverage, identities, servicesFor, logger, logged };
}
