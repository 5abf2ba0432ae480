/**
 * The findings dashboard and the file that carries it: `savedObjectsNdjson()` is what Stack Management > Saved objects >
 * Import (or `POST /api/saved_objects/_import`) takes. Panels are saved objects of their own, placed by reference:
 * the dashboard's panel names `panel_<i>` and its reference `<i>:panel_<i>` points at the object, as Kibana writes it.
 */
import { DEFAULT_SPACE } from '../../common/constants';
import { findingsIndex } from '../../server/store/elasticsearch/findings/findings_index';
import { dashboardGuide, findingsByProviderAccount, findingsOverTime, latestFindings, loggingTamper, topPrivilegedActions, topRootIdentities } from './dashboard_panels';
import { findingsDataView } from './findings_data_view';
import { exportSummary, toNdjson, type ExportedSavedObject, type SavedObjectReference } from './saved_object';

export const DASHBOARD_ID = 'cloud-api-abuse-overview';

export interface GridData {
  x: number;
  y: number;
  w: number;
  h: number;
  i: string;
}

export interface DashboardPanel {
  version: '8.7.0';
  type: string;
  gridData: GridData;
  panelIndex: string;
  embeddableConfig: { enhancements: Record<string, never> };
  panelRefName: string;
}

export interface DashboardAttributes {
  title: string;
  description: string;
  panelsJSON: string;
  optionsJSON: string;
  timeRestore: true;
  timeFrom: string;
  timeTo: string;
  refreshInterval: { pause: boolean; value: number };
  version: 1;
  kibanaSavedObjectMeta: { searchSourceJSON: string };
}

/** Where each panel goes on Kibana's 48-column grid. */
interface Placement {
  object: ExportedSavedObject<unknown>;
  panelIndex: string;
  grid: Omit<GridData, 'i'>;
}

function layout(): Placement[] {
  return [
    { object: dashboardGuide(), panelIndex: 'guide', grid: { x: 0, y: 0, w: 48, h: 5 } },
    { object: findingsOverTime(), panelIndex: 'over-time', grid: { x: 0, y: 5, w: 30, h: 15 } },
    { object: topRootIdentities(), panelIndex: 'root-identities', grid: { x: 30, y: 5, w: 18, h: 15 } },
    { object: topPrivilegedActions(), panelIndex: 'privileged-actions', grid: { x: 0, y: 20, w: 24, h: 16 } },
    { object: findingsByProviderAccount(), panelIndex: 'provider-accounts', grid: { x: 24, y: 20, w: 24, h: 16 } },
    { object: loggingTamper(), panelIndex: 'logging-tamper', grid: { x: 0, y: 36, w: 48, h: 12 } },
    { object: latestFindings(), panelIndex: 'latest-findings', grid: { x: 0, y: 48, w: 48, h: 18 } },
  ];
}

export function findingsDashboard(placements: Placement[] = layout()): ExportedSavedObject<DashboardAttributes> {
  const panels: DashboardPanel[] = placements.map(({ object, panelIndex, grid }) => ({
    version: '8.7.0',
    type: object.type,
    gridData: { ...grid, i: panelIndex },
    panelIndex,
    embeddableConfig: { enhancements: {} },
    panelRefName: `panel_${panelIndex}`,
  }));
  const references: SavedObjectReference[] = placements.map(({ object, panelIndex }) => ({ name: `${panelIndex}:panel_${panelIndex}`, type: object.type, id: object.id }));
  return {
    id: DASHBOARD_ID,
    type: 'dashboard',
    attributes: {
      title: 'Cloud API Abuse: findings overview',
      description: 'Stolen or misused cloud credentials on AWS, GCP and Azure: attack chains by severity, root identity, privileged action, account and logging tamper.',
      panelsJSON: JSON.stringify(panels),
      optionsJSON: JSON.stringify({ useMargins: true, syncColors: false, syncCursor: true, syncTooltips: false, hidePanelTitles: false }),
      timeRestore: true,
      timeFrom: 'now-7d',
      timeTo: 'now',
      refreshInterval: { pause: true, value: 60_000 },
      version: 1,
      kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
    },
    references,
    coreMigrationVersion: '8.8.0',
    typeMigrationVersion: '8.7.0',
    managed: false,
  };
}

/** The data view over `index`, every panel, and the dashboard: the objects, in the order an export lists them. */
export function findingsSavedObjects(index: string = findingsIndex(DEFAULT_SPACE).name): ExportedSavedObject<unknown>[] {
  const placements = layout();
  return [findingsDataView(index), ...placements.map((p) => p.object), findingsDashboard(placements)];
}

/** The import file, ending with the summary line Kibana's export writes (its import skips it). */
export function savedObjectsNdjson(index?: string): string {
  const objects = findingsSavedObjects(index);
  return toNdjson([...objects, exportSummary(objects)]);
}
