/** Users as Kibana's feature privileges make them: read grants the read API privilege, all grants both. */
import { READ_PRIVILEGE, WRITE_PRIVILEGE } from '../../../server/routes/constants';
import type { FakeUser } from './fake_router';

export const ANALYST_READ_ONLY: FakeUser = { name: 'rita.reader', privileges: [READ_PRIVILEGE] };
export const ANALYST_ALL: FakeUser = { name: 'alex.analyst', privileges: [READ_PRIVILEGE, WRITE_PRIVILEGE] };
/** Logged in, but with no role granting the feature. */
export const NO_FEATURE_ACCESS: FakeUser = { name: 'nico.nobody', privileges: [] };
