/**
 * What the findings dashboard shows, one saved object per panel: findings over time by severity, the root identities
 * with the most findings, the privileged actions and logging tamper found in chains, where (provider and account),
 * the latest findings, and a note on what the findings index cannot show (coverage gaps: the app's Coverage page
 * computes them from the logs).
 */
import { DATA_VIEW_ID, PRIVILEGED_ACTION_FIELD, TAMPER_ACTION_FIELD, TIME_FIELD } from './findings_data_view';
import { countColumn, lensObject, maxColumn, termsColumn, timeColumn } from './lens';
import type { ExportedSavedObject } from './saved_object';

export const LENS_IDS = {
  overTime: 'cloud-api-abuse-findings-over-time',
  rootIdentities: 'cloud-api-abuse-top-root-identities',
  privilegedActions: 'cloud-api-abuse-top-privileged-actions',
  providerAccounts: 'cloud-api-abuse-findings-by-provider-account',
  loggingTamper: 'cloud-api-abuse-logging-tamper',
} as const;

export const GUIDE_ID = 'cloud-api-abuse-dashboard-guide';
export const LATEST_FINDINGS_ID = 'cloud-api-abuse-latest-findings';

/** A bar chart of finding counts: bars along `x`, stacked by `split` when given. */
function bars(seriesType: 'bar_stacked' | 'bar_horizontal_stacked', o: { x: string; split?: string; legend?: boolean }) {
  return {
    type: 'lnsXY' as const,
    state: {
      legend: { isVisible: o.legend ?? true, position: 'right' as const },
      valueLabels: 'hide' as const,
      preferredSeriesType: seriesType,
      layer: { seriesType, xAccessor: o.x, ...(o.split ? { splitAccessor: o.split } : {}), accessors: ['findings'] },
    },
  };
}

export function findingsOverTime() {
  return lensObject({
    id: LENS_IDS.overTime,
    title: 'Findings over time by severity',
    description: 'Attack chains by the time of their last event, stacked by severity.',
    columns: {
      severity: termsColumn('Severity', 'kibana.alert.severity', 4, 'findings'),
      time: timeColumn(),
      findings: countColumn('Findings'),
    },
    visualization: bars('bar_stacked', { x: 'time', split: 'severity' }),
  });
}

export function topRootIdentities() {
  return lensObject({
    id: LENS_IDS.rootIdentities,
    title: 'Top root identities',
    description: 'The identities (IAM user or role, Google account, Entra user, instance) whose credentials drove the most chains, with their highest risk.',
    columns: {
      identity: termsColumn('Root identity', 'cloud_api_abuse.root_identity.id', 10, 'findings'),
      provider: termsColumn('Provider', 'cloud.provider', 3, 'findings'),
      findings: countColumn('Findings'),
      risk: maxColumn('Highest risk', 'kibana.alert.risk_score'),
    },
    visualization: {
      type: 'lnsDatatable',
      state: { columns: [{ columnId: 'identity' }, { columnId: 'provider' }, { columnId: 'findings' }, { columnId: 'risk' }], sorting: { columnId: 'findings', direction: 'desc' } },
    },
  });
}

export function topPrivilegedActions() {
  return lensObject({
    id: LENS_IDS.privilegedActions,
    title: 'Top privileged actions',
    description: 'Privileged calls (IAM and permission writes, command execution, secrets access, data destruction, network exposure, sharing), counted once per chain that made them.',
    columns: {
      action: termsColumn('Privileged action', PRIVILEGED_ACTION_FIELD, 15, 'findings'),
      findings: countColumn('Findings'),
    },
    query: 'cloud_api_abuse.evidence.stage: "privileged"',
    visualization: bars('bar_horizontal_stacked', { x: 'action', legend: false }),
  });
}

export function findingsByProviderAccount() {
  return lensObject({
    id: LENS_IDS.providerAccounts,
    title: 'Findings by provider and account',
    description: 'AWS accounts, GCP projects and Azure subscriptions touched by chains.',
    columns: {
      account: termsColumn('Account', 'cloud_api_abuse.chain.accounts', 15, 'findings', true),
      provider: termsColumn('Provider', 'cloud.provider', 3, 'findings'),
      findings: countColumn('Findings'),
    },
    visualization: bars('bar_horizontal_stacked', { x: 'account', split: 'provider' }),
  });
}

export function loggingTamper() {
  return lensObject({
    id: LENS_IDS.loggingTamper,
    title: 'Logging tamper in chains',
    description: 'Chains that stopped, deleted or redirected audit logging (CloudTrail, GCP sinks, Azure diagnostic settings), by the tamper call.',
    columns: {
      action: termsColumn('Logging tamper action', TAMPER_ACTION_FIELD, 10, 'findings', true),
      time: timeColumn(),
      findings: countColumn('Findings'),
    },
    query: 'cloud_api_abuse.evidence.stage: "tamper"',
    visualization: bars('bar_stacked', { x: 'time', split: 'action' }),
  });
}

export interface SavedSearchAttributes {
  title: string;
  description: string;
  columns: string[];
  sort: [string, 'desc'][];
  hits: 0;
  version: 1;
  kibanaSavedObjectMeta: { searchSourceJSON: string };
}

/** The latest findings as a Discover session (saved search), also the dashboard's table. */
export function latestFindings(): ExportedSavedObject<SavedSearchAttributes> {
  return {
    id: LATEST_FINDINGS_ID,
    type: 'search',
    attributes: {
      title: 'Cloud API Abuse: latest findings',
      description: 'One row per attack chain, the newest first.',
      columns: ['kibana.alert.severity', 'kibana.alert.risk_score', 'cloud.provider', 'cloud_api_abuse.root_identity.id', 'source.ip', 'cloud_api_abuse.workflow.status', 'kibana.alert.reason'],
      sort: [[TIME_FIELD, 'desc']],
      hits: 0,
      version: 1,
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({
          query: { query: '', language: 'kuery' },
          filter: [],
          indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.index',
        }),
      },
    },
    references: [{ name: 'kibanaSavedObjectMeta.searchSourceJSON.index', type: 'index-pattern', id: DATA_VIEW_ID }],
    coreMigrationVersion: '8.8.0',
    typeMigrationVersion: '7.9.3',
    managed: false,
  };
}

export interface MarkdownVisualizationAttributes {
  title: string;
  description: string;
  visState: string;
  uiStateJSON: '{}';
  version: 1;
  kibanaSavedObjectMeta: { searchSourceJSON: string };
}

const GUIDE = [
  '**Cloud API Abuse**: one finding per attack chain (an authentication-context shift, then the recon, privileged and logging-tamper calls its credentials made), traced to a root identity.',
  '',
  'Coverage gaps (silent accounts, missing read or sign-in logs) are not findings: the app\'s [Coverage](cloudApiAbuse/coverage) page computes them from the logs. Each finding\'s timeline, lineage and containment steps are on its [Findings](cloudApiAbuse/findings) page.',
].join('\n');

/**
 * A note panel (a legacy markdown visualization, imported by reference by every Kibana from 8.8). Its links are
 * relative to the dashboard's page, `<base path>/[s/<space>/]app/dashboards`, so they reach this space's app.
 */
export function dashboardGuide(): ExportedSavedObject<MarkdownVisualizationAttributes> {
  const title = 'About this dashboard';
  return {
    id: GUIDE_ID,
    type: 'visualization',
    attributes: {
      title,
      description: '',
      visState: JSON.stringify({ title, type: 'markdown', aggs: [], params: { fontSize: 12, openLinksInNewTab: false, markdown: GUIDE } }),
      uiStateJSON: '{}',
      version: 1,
      kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
    },
    references: [],
    coreMigrationVersion: '8.8.0',
    typeMigrationVersion: '7.14.0',
    managed: false,
  };
}
