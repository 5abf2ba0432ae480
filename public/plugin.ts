/**
 * The Kibana browser plugin: registers the app in the Security category and mounts it lazily, so Kibana's page load
 * does not carry the app's code until the user opens it.
 */
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';
import { PAGES } from './app/routes';
import type { AppCategoryLike, CoreSetupPublicLike } from './kibana_types';

/** DEFAULT_APP_CATEGORIES.security (kibana-contracts.md §5). */
export const SECURITY_APP_CATEGORY: AppCategoryLike = { id: 'securitySolution', label: 'Security', order: 4000, euiIconType: 'logoSecurity' };

export class CloudApiAbusePublicPlugin {
  setup(core: CoreSetupPublicLike): Record<string, never> {
    core.application.register({
      id: PLUGIN_ID,
      title: PLUGIN_NAME,
      order: 9100,
      category: SECURITY_APP_CATEGORY,
      euiIconType: 'logoSecurity',
      deepLinks: PAGES.map((p) => ({ id: p.id, title: p.title, path: p.path })),
      async mount(params) {
        const [coreStart] = await core.getStartServices();
        const { renderApp } = await import('./application');
        return renderApp(coreStart, params);
      },
    });
    return {};
  }

  start(): Record<string, never> {
    return {};
  }

  stop(): void {}
}
