/**
 * Kibana's browser contracts, typed structurally (`@kbn/*` is not published): only what the app uses
 * (../shared/reference/kibana-contracts.md §5). Inside Kibana the real core objects satisfy these.
 */
import type { HttpLike } from './api/http';
import type { KibanaHttpLike } from './integrations/kibana_import';

export interface ScopedHistoryLike {
  location: { pathname: string; search: string };
  push(path: string): void;
  listen(listener: () => void): () => void;
}

export interface AppMountParametersLike {
  element: HTMLElement;
  history: ScopedHistoryLike;
}

export interface CoreStartPublicLike {
  /** Kibana's http: our API's calls, and the import APIs of Security and saved objects (fetch with a multipart body). */
  http: HttpLike & KibanaHttpLike;
  application: { capabilities: Record<string, Record<string, boolean | Record<string, boolean>> | undefined> };
  notifications: { toasts: { add(toast: { title: string; color?: string; text?: string }): unknown } };
  /** Kibana 8.15+: wraps the app in Kibana's theme, i18n and EUI provider. */
  rendering?: { addContext(element: React.ReactNode): React.ReactNode };
}

export interface AppCategoryLike {
  id: string;
  label: string;
  order?: number;
  euiIconType?: string;
}

export interface AppLike {
  id: string;
  title: string;
  order?: number;
  category?: AppCategoryLike;
  euiIconType?: string;
  deepLinks?: { id: string; title: string; path: string }[];
  mount(params: AppMountParametersLike): Promise<() => void>;
}

export interface CoreSetupPublicLike {
  application: { register(app: AppLike): void };
  getStartServices(): Promise<[CoreStartPublicLike, unknown, unknown]>;
}
