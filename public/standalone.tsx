/**
 * The standalone host's page: the same app over same-origin fetch. The host says in a meta tag whether the local user
 * may change things (it may be started read-only).
 */
// Kibana loads the charts' stylesheet itself; the host page brings it (esbuild writes it to app.css).
import '@elastic/charts/dist/theme_only_light.css';
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EuiGlobalToastList, EuiProvider } from '@elastic/eui';
import type { Toast } from '@elastic/eui/src/components/toast/global_toast_list';
import { CloudApiAbuseApi } from './api/client';
import { fetchHttp } from './api/http';
import { App, type AppLocation } from './app/app';

/** Host paths live under /app; the app itself sees `/findings`, `/coverage` ... */
export const HOST_APP_BASE = '/app';

function browserLocation(): AppLocation {
  return {
    pathname: () => window.location.pathname.replace(HOST_APP_BASE, '') || '/findings',
    search: () => window.location.search,
    push: (path) => {
      window.history.pushState(null, '', HOST_APP_BASE + path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    listen: (onChange) => {
      window.addEventListener('popstate', onChange);
      return () => window.removeEventListener('popstate', onChange);
    },
  };
}

function StandaloneApp({ canWrite }: { canWrite: boolean }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const notify = useCallback((t: { title: string; color: 'success' | 'danger' | 'warning'; text?: string }) => {
    setToasts((list) => [...list, { id: `${Date.now()}-${list.length}`, title: t.title, color: t.color, text: t.text }]);
  }, []);
  const [services] = useState(() => ({ api: new CloudApiAbuseApi(fetchHttp()), canWrite, notify }));
  const [location] = useState(browserLocation);
  return (
    <EuiProvider colorMode="light">
      <App services={services} location={location} withProvider={false} />
      <EuiGlobalToastList toasts={toasts} dismissToast={(t) => setToasts((list) => list.filter((x) => x.id !== t.id))} toastLifeTimeMs={6000} />
    </EuiProvider>
  );
}

const mountPoint = document.getElementById('root');
if (mountPoint) {
  const canWrite = document.querySelector('meta[name="cloud-api-abuse-can-write"]')?.getAttribute('content') === 'true';
  createRoot(mountPoint).render(<StandaloneApp canWrite={canWrite} />);
}
