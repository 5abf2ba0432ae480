/**
 * Renders panel components the way the app does (EUI provider, app services) over a fake API: tests give only the
 * API methods they care about; any other call fails the test loudly.
 */
import { render, type RenderResult } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type { ReactElement } from 'react';
import { CloudApiAbuseApi } from '../../public/api/client';
import { AppServicesProvider, type AppServices } from '../../public/app/services';

export type FakeApi = Partial<{ [K in keyof CloudApiAbuseApi]: CloudApiAbuseApi[K] }>;

export function fakeApi(methods: FakeApi): CloudApiAbuseApi {
  return new Proxy({} as CloudApiAbuseApi, {
    get(_target, prop: string) {
      const m = (methods as Record<string, unknown>)[prop];
      if (m) return m;
      return () => Promise.reject(new Error(`unexpected API call in this test: ${prop}`));
    },
  });
}

export interface PanelRender extends RenderResult {
  services: AppServices & { notified: { title: string; color: string; text?: string }[]; navigated: string[] };
}

export function renderPanel(ui: ReactElement, options: { api: FakeApi; canWrite?: boolean }): PanelRender {
  const notified: { title: string; color: string; text?: string }[] = [];
  const navigated: string[] = [];
  const services = {
    api: fakeApi(options.api),
    canWrite: options.canWrite ?? true,
    navigate: (path: string) => void navigated.push(path),
    notify: (t: { title: string; color: 'success' | 'danger' | 'warning'; text?: string }) => void notified.push(t),
    notified,
    navigated,
  };
  const result = render(
    <EuiProvider colorMode="light">
      <AppServicesProvider services={services}>{ui}</AppServicesProvider>
    </EuiProvider>,
  );
  return Object.assign(result, { services });
}
