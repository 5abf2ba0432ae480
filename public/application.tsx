/** Mounts the app into Kibana's element with Kibana's http, capabilities, toasts and history. */
import { createRoot } from 'react-dom/client';
import { PLUGIN_ID } from '../common/constants';
import { CloudApiAbuseApi } from './api/client';
import { App, type AppLocation } from './app/app';
import type { AppMountParametersLike, CoreStartPublicLike } from './kibana_types';

export function renderApp(core: CoreStartPublicLike, params: AppMountParametersLike): () => void {
  const location: AppLocation = {
    pathname: () => params.history.location.pathname,
    search: () => params.history.location.search,
    push: (path) => params.history.push(path),
    listen: (onChange) => params.history.listen(onChange),
  };
  const services = {
    api: new CloudApiAbuseApi(core.http),
    canWrite: core.application.capabilities[PLUGIN_ID]?.write === true,
    notify: (t: { title: string; color: string; text?: string }) => void core.notifications.toasts.add(t),
    kibanaHttp: core.http,
  };
  const app = <App services={services} location={location} withProvider={!core.rendering} />;
  const root = createRoot(params.element);
  root.render(core.rendering ? core.rendering.addContext(app) : app);
  return () => root.unmount();
}
