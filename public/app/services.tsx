/** What every page needs from its host (Kibana or the standalone host), provided once at the top of the app. */
import { createContext, useContext, type ReactNode } from 'react';
import type { CloudApiAbuseApi } from '../api/client';
import type { KibanaHttpLike } from '../integrations/kibana_import';

export interface AppServices {
  api: CloudApiAbuseApi;
  /** The user may change status, run detection and edit the expected automation (the feature's `all` privilege). */
  canWrite: boolean;
  /** Moves within the app (`/findings`, `/coverage`, `/identities`, with an optional query). */
  navigate(path: string): void;
  /** Shows a short message; Kibana's toasts inside Kibana, EUI's toast list in the standalone host. */
  notify(toast: { title: string; color: 'success' | 'danger' | 'warning'; text?: string }): void;
  /** Inside Kibana: Kibana's own http, for its import APIs (Security rules, saved objects). Absent in the host. */
  kibanaHttp?: KibanaHttpLike;
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useAppServices outside AppServicesProvider');
  return services;
}
