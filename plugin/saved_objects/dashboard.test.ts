import { PLUGIN_ID } from '../../common/constants';
import { PAGES } from '../../public/app/routes';
import { findingsIndex } from '../../server/store/elasticsearch/findings/findings_index';
import { DASHBOARD_ID, findingsSavedObjects, savedObjectsNdjson, type DashboardPanel } from './dashboard';
import { DATA_VIEW_ID, RUNTIME_FIELDS } from './findings_data_view';
import { kqlFields, parseKql } from './kql';
import { LAYER_ID, RECORDS_FIELD, type LensAttributes, type LensColumn } from './lens';
import { DATE_TYPES, KEYWORD_TYPES, mappedType, NUMBER_TYPES } from './mapping_fields';
import type { ExportedSavedObject } from './saved_object';

type AnyObject = ExportedSavedObject<Record<string, unknown>>;

const lines = savedObjectsNdjson()
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);
const objects = lines.slice(0, -1) as unknown as AnyObject[];
const summary = lines[lines.length - 1];
const byKey = new Map(objects.map((o) => [`${o.type}:${o.id}`, o]));
const ofType = (type: string) => objects.filter((o) => o.type === type);
const dashboard = byKey.get(`dashboard:${DASHBOARD_ID}`) as AnyObject;
const panels = JSON.parse(dashboard.attributes.panelsJSON as string) as DashboardPanel[];

/** A field a chart may use: mapped in the findings index, or a runtime field of the data view. */
function fieldType(field: string): string | undefined {
  return RUNTIME_FIELDS[field]?.type ?? mappedType(field);
}

describe('the saved objects file', () => {
  it('is one JSON object per line, closed by the export summary Kibana writes and its import skips', () => {
    const text = savedObjectsNdjson();
    expect(text.endsWith('\n')).toBe(true);
    for (const line of text.trimEnd().split('\n')) expect(line.trim().startsWith('{')).toBe(true);
    expect(summary).toEqual({ excludedObjects: [], excludedObjectsCount: 0, exportedCount: objects.length, missingRefCount: 0, missingReferences: [] });
    expect(objects.every((o) => (o as unknown as { exportedCount?: number }).exportedCount === undefined)).toBe(true);
  });

  it('holds a data view, the panels and the dashboard, each once, with the migration versions Kibana needs', () => {
    expect(objects.map((o) => o.type).sort()).toEqual(['dashboard', 'index-pattern', 'lens', 'lens', 'lens', 'lens', 'lens', 'search', 'visualization']);
    expect(byKey.size).toBe(objects.length);
    for (const o of objects) {
      expect(o.id).toMatch(/^cloud-api-abuse-[a-z-]+$/);
      expect(o).toMatchObject({ coreMigrationVersion: '8.8.0', managed: false, references: expect.any(Array), attributes: expect.any(Object) });
      expect(o.typeMigrationVersion).toMatch(/^\d+\.\d+\.\d+$/);
      // Kibana refuses an object newer than itself: nothing here may need more than 8.8.
      const [major, minor] = o.typeMigrationVersion.split('.').map(Number);
      expect(major * 100 + minor).toBeLessThanOrEqual(808);
    }
  });

  it('resolves every reference to an object of the file', () => {
    for (const o of objects) {
      for (const ref of o.references) expect([o.id, ref.name, byKey.has(`${ref.type}:${ref.id}`)]).toEqual([o.id, ref.name, true]);
      expect(new Set(o.references.map((r) => r.name)).size).toBe(o.references.length);
    }
  });

  it('gives every dashboard panel its reference, and only those, on the 48-column grid without overlaps', () => {
    expect(panels.length).toBe(objects.length - 2);
    expect(dashboard.references).toHaveLength(panels.length);
    const cells = new Set<string>();
    for (const p of panels) {
      expect(p.gridData.i).toBe(p.panelIndex);
      expect(p.panelRefName).toBe(`panel_${p.panelIndex}`);
      const ref = dashboard.references.find((r) => r.name === `${p.panelIndex}:${p.panelRefName}`);
      expect(ref?.type).toBe(p.type);
      expect(byKey.get(`${ref?.type}:${ref?.id}`)).toBeDefined();
      const { x, y, w, h } = p.gridData;
      expect(x + w).toBeLessThanOrEqual(48);
      for (let cx = x; cx < x + w; cx++) {
        for (let cy = y; cy < y + h; cy++) {
          expect(cells.has(`${cx},${cy}`)).toBe(false);
          cells.add(`${cx},${cy}`);
        }
      }
    }
    expect(new Set(dashboard.references.map((r) => r.id)).size).toBe(panels.length);
    const placed = new Set(dashboard.references.map((r) => `${r.type}:${r.id}`));
    expect(objects.filter((o) => o.type !== 'dashboard' && o.type !== 'index-pattern').every((o) => placed.has(`${o.type}:${o.id}`))).toBe(true);
  });

  it('restores a time range and has a valid empty query of its own', () => {
    expect(dashboard.attributes).toMatchObject({ timeRestore: true, timeFrom: 'now-7d', timeTo: 'now' });
    expect(JSON.parse((dashboard.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string }).searchSourceJSON)).toEqual({ query: { query: '', language: 'kuery' }, filter: [] });
  });

  it('carries the findings index of the space the server names', () => {
    const teamA = findingsSavedObjects(findingsIndex('team-a').name);
    expect(teamA.find((o) => o.type === 'index-pattern')?.attributes).toMatchObject({ title: '.alerts-cloud_api_abuse.findings-team-a' });
    expect(byKey.get(`index-pattern:${DATA_VIEW_ID}`)?.attributes.title).toBe('.alerts-cloud_api_abuse.findings-default');
    expect(() => savedObjectsNdjson('logs-* ,x')).toThrow(/not an index/);
  });
});

describe('the Lens panels', () => {
  const lenses = ofType('lens') as unknown as ExportedSavedObject<LensAttributes>[];

  it.each(lenses.map((l) => [l.attributes.title, l] as const))('%s reads its layer from the data view', (_title, lens) => {
    const layers = Object.keys(lens.attributes.state.datasourceStates.formBased.layers);
    expect(layers).toEqual([LAYER_ID]);
    expect(lens.references).toEqual([{ type: 'index-pattern', id: DATA_VIEW_ID, name: `indexpattern-datasource-layer-${LAYER_ID}` }]);
  });

  it.each(lenses.map((l) => [l.attributes.title, l] as const))('%s builds its columns on fields of a type they can aggregate', (_title, lens) => {
    const layer = lens.attributes.state.datasourceStates.formBased.layers[LAYER_ID];
    expect(layer.columnOrder).toEqual(Object.keys(layer.columns));
    const check = (id: string, column: LensColumn): void => {
      switch (column.operationType) {
        case 'count':
          expect(column.sourceField).toBe(RECORDS_FIELD);
          break;
        case 'max':
          expect([id, NUMBER_TYPES.has(fieldType(column.sourceField) ?? '')]).toEqual([id, true]);
          break;
        case 'date_histogram':
          expect([id, DATE_TYPES.has(fieldType(column.sourceField) ?? '')]).toEqual([id, true]);
          break;
        case 'terms': {
          expect([id, column.sourceField, KEYWORD_TYPES.has(fieldType(column.sourceField) ?? '')]).toEqual([id, column.sourceField, true]);
          const rankBy = layer.columns[column.params.orderBy.columnId];
          expect(rankBy?.isBucketed).toBe(false);
          break;
        }
      }
      expect(column.isBucketed).toBe(column.operationType === 'terms' || column.operationType === 'date_histogram');
    };
    for (const [id, column] of Object.entries(layer.columns)) check(id, column);
  });

  it.each(lenses.map((l) => [l.attributes.title, l] as const))('%s shows only columns it has, and all of them', (_title, lens) => {
    const columns = Object.keys(lens.attributes.state.datasourceStates.formBased.layers[LAYER_ID].columns);
    const vis = lens.attributes.state.visualization;
    const shown =
      'layers' in vis
        ? vis.layers.flatMap((l) => {
            expect(l.layerId).toBe(LAYER_ID);
            return [l.xAccessor, ...(l.splitAccessor ? [l.splitAccessor] : []), ...l.accessors];
          })
        : vis.columns.map((c) => c.columnId);
    expect([...shown].sort()).toEqual([...columns].sort());
    if (!('layers' in vis) && vis.sorting) expect(columns).toContain(vis.sorting.columnId);
  });

  it.each(lenses.map((l) => [l.attributes.title, l] as const))('%s restricts itself with a KQL query on mapped keywords, if at all', (_title, lens) => {
    const { query } = lens.attributes.state;
    expect(query.language).toBe('kuery');
    if (query.query === '') return;
    for (const field of kqlFields(parseKql(query.query))) expect([field, KEYWORD_TYPES.has(mappedType(field) ?? '')]).toEqual([field, true]);
  });

  it('show severity over time, root identities, privileged actions, provider and account, and logging tamper', () => {
    const fields = lenses.map((l) => Object.values(l.attributes.state.datasourceStates.formBased.layers[LAYER_ID].columns).map((c) => c.sourceField));
    expect(fields).toEqual([
      ['kibana.alert.severity', '@timestamp', RECORDS_FIELD],
      ['cloud_api_abuse.root_identity.id', 'cloud.provider', RECORDS_FIELD, 'kibana.alert.risk_score'],
      ['cloud_api_abuse.privileged_action', RECORDS_FIELD],
      ['cloud_api_abuse.chain.accounts', 'cloud.provider', RECORDS_FIELD],
      ['cloud_api_abuse.tamper_action', '@timestamp', RECORDS_FIELD],
    ]);
  });
});

describe('the latest-findings search and the guide', () => {
  it('lists mapped columns of the data view, newest first, its index given by reference', () => {
    const [search] = ofType('search');
    const source = JSON.parse((search.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string }).searchSourceJSON) as { indexRefName: string; query: { query: string; language: string } };
    expect(search.references).toEqual([{ name: source.indexRefName, type: 'index-pattern', id: DATA_VIEW_ID }]);
    expect(source.query).toEqual({ query: '', language: 'kuery' });
    for (const column of search.attributes.columns as string[]) expect([column, mappedType(column)]).toEqual([column, expect.any(String)]);
    const [[sortField, order]] = search.attributes.sort as [string, string][];
    expect([DATE_TYPES.has(mappedType(sortField) ?? ''), order]).toEqual([true, 'desc']);
  });

  it("links to the app's pages relative to the dashboard's own page", () => {
    const [guide] = ofType('visualization');
    const visState = JSON.parse(guide.attributes.visState as string) as { type: string; params: { markdown: string } };
    expect(visState.type).toBe('markdown');
    const links = [...visState.params.markdown.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    const pages: string[] = PAGES.map((p) => `${PLUGIN_ID}${p.path}`);
    for (const link of links) expect(pages).toContain(link);
  });
});
