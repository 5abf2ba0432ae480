/** Kibana loads the browser plugin from here (kibana-contracts.md §5). */
import { CloudApiAbusePublicPlugin } from './plugin';

export function plugin(): CloudApiAbusePublicPlugin {
  return new CloudApiAbusePublicPlugin();
}
