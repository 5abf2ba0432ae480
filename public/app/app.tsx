/** The panel: a header with the detection status and the page tabs, then the current page. */
import { useCallback, useEffect, useState } from 'react';
import { EuiPageTemplate, EuiProvider, EuiSpacer } from '@elastic/eui';
import { PLUGIN_NAME } from '../../common/constants';
import { CoveragePage } from '../coverage/coverage_page';
import { DashboardPage } from '../dashboard/dashboard_page';
import { SecurityIntegrationPanel } from '../integrations/security_integration_panel';
import { FindingsPage } from '../findings/findings_page';
import { IdentitiesPage } from '../identities/identities_page';
import { DetectionStatus } from './detection_status';
import { PAGES, pageOf } from './routes';
import { AppServicesProvider, type AppServices } from './services';

/** Where the app is and how to move: Kibana's ScopedHistory, or the browser's history in the host. */
export interface AppLocation {
  pathname(): string;
  /** The query string (`?identity=...`), how one page links to another filtered. */
  search(): string;
  push(path: string): void;
  listen(onChange: () => void): () => void;
}

export function App({ services, location, withProvider = true }: { services: Omit<AppServices, 'navigate'>; location: AppLocation; withProvider?: boolean }) {
  const [where, setWhere] = useState({ pathname: location.pathname(), search: location.search() });
  const [refreshKey, setRefreshKey] = useState(0);
  useEffect(() => location.listen(() => setWhere({ pathname: location.pathname(), search: location.search() })), [location]);
  const navigate = useCallback((path: string) => location.push(path), [location]);
  const onRunFinished = useCallback(() => setRefreshKey((k) => k + 1), []);
  const page = pageOf(where.pathname);
  const query = new URLSearchParams(where.search);

  const body = (
    <AppServicesProvider services={{ ...services, navigate }}>
      <EuiPageTemplate panelled restrictWidth={false} data-test-subj="cloudApiAbuseApp">
        <EuiPageTemplate.Header
          pageTitle={PLUGIN_NAME}
          iconType="logoSecurity"
          description="Stolen or misused cloud credentials: who authenticated, from where, through which interface, and what privileged API calls followed."
          rightSideItems={[<DetectionStatus key="status" onRunFinished={onRunFinished} />]}
          tabs={PAGES.map((p) => ({ label: p.title, isSelected: p.id === page, onClick: () => navigate(p.path), 'data-test-subj': `tab-${p.id}` }))}
        />
        <EuiPageTemplate.Section>
          {page === 'findings' && <FindingsPage refreshKey={refreshKey} query={query} />}
          {page === 'dashboard' && (
            <>
              <DashboardPage refreshKey={refreshKey} query={query} />
              <EuiSpacer size="l" />
              {services.kibanaHttp ? <SecurityIntegrationPanel insideKibana http={services.kibanaHttp} /> : <SecurityIntegrationPanel insideKibana={false} />}
            </>
          )}
          {page === 'coverage' && <CoveragePage refreshKey={refreshKey} query={query} />}
          {page === 'identities' && <IdentitiesPage refreshKey={refreshKey} query={query} />}
        </EuiPageTemplate.Section>
      </EuiPageTemplate>
    </AppServicesProvider>
  );
  // Inside Kibana the core's provider already wraps the app (theme, i18n); the host brings its own.
  return withProvider ? <EuiProvider colorMode="light">{body}</EuiProvider> : body;
}
