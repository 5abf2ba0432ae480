/** Test support: Kibana's router, authz and request context, faked closely enough to serve the plugin's routes. */
export { FakeRouter, errorBody, fakeResponseFactory, matchPath, parseQueryString } from './fake_router';
export type { FakeRequestContext, FakeUser, HttpMethod, InvokeOptions, InvokeResult, QueryValues, RecordedRoute } from './fake_router';
export { createFakeKibana, type FakeKibana, type FakeKibanaOptions } from './fake_kibana';
export {
  FakeAutomationConfigStore,
  FakeCoverageSource,
  FakeIdentityProfileStore,
  FakeDetectionControl,
  FakeEvidenceStore,
  FakeFindingsStore,
  emptyCoverage,
  findingMatches,
} from './fake_stores';
export { makeFinding, type FindingFixture } from './finding_fixture';
export { ANALYST_ALL, ANALYST_READ_ONLY, NO_FEATURE_ACCESS } from './users';
