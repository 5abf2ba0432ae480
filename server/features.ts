/**
 * The Kibana feature: who may see findings (read) and who may change their status, run detection and edit the
 * expected automation (all). Routes require these API privileges (server/routes/constants.ts).
 */
import type { KibanaFeatureConfigLike } from './kibana/types';
import { READ_PRIVILEGE, WRITE_PRIVILEGE } from './routes/constants';
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';

/** DEFAULT_APP_CATEGORIES.security (kibana-contracts.md §5). */
export const SECURITY_CATEGORY = { id: 'securitySolution', label: 'Security' };

export const cloudApiAbuseFeature: KibanaFeatureConfigLike = {
  id: PLUGIN_ID,
  name: PLUGIN_NAME,
  category: SECURITY_CATEGORY,
  app: [PLUGIN_ID, 'kibana'],
  privileges: {
    all: { app: [PLUGIN_ID, 'kibana'], api: [READ_PRIVILEGE, WRITE_PRIVILEGE], savedObject: { all: [], read: [] }, ui: ['show', 'write'] },
    read: { app: [PLUGIN_ID, 'kibana'], api: [READ_PRIVILEGE], savedObject: { all: [], read: [] }, ui: ['show'] },
  },
};
