/**
 * Lens visualizations as `lens` saved objects, in the shape Lens stores since 8.6 (the `formBased` datasource, one
 * layer per chart, the data view referenced as `indexpattern-datasource-layer-<layer>`). Columns are built from the
 * field, never typed in by hand, so the tests can hold every column to the findings mapping.
 */
import { DATA_VIEW_ID, TIME_FIELD } from './findings_data_view';
import type { ExportedSavedObject } from './saved_object';

/** Lens's stand-in field for "count of documents". */
export const RECORDS_FIELD = '___records___';

interface BaseColumn {
  label: string;
  customLabel?: true;
  isBucketed: boolean;
}

export interface CountColumn extends BaseColumn {
  operationType: 'count';
  dataType: 'number';
  sourceField: typeof RECORDS_FIELD;
  scale: 'ratio';
  params: { emptyAsNull: boolean };
}

export interface MaxColumn extends BaseColumn {
  operationType: 'max';
  dataType: 'number';
  sourceField: string;
  scale: 'ratio';
  params: { emptyAsNull: boolean };
}

export interface DateHistogramColumn extends BaseColumn {
  operationType: 'date_histogram';
  dataType: 'date';
  sourceField: string;
  scale: 'interval';
  params: { interval: 'auto'; includeEmptyRows: boolean; dropPartials: boolean };
}

export interface TermsColumn extends BaseColumn {
  operationType: 'terms';
  dataType: 'string';
  sourceField: string;
  scale: 'ordinal';
  params: {
    size: number;
    orderBy: { type: 'column'; columnId: string };
    orderDirection: 'desc';
    otherBucket: boolean;
    missingBucket: boolean;
    parentFormat: { id: 'terms' };
  };
}

export type LensColumn = CountColumn | MaxColumn | DateHistogramColumn | TermsColumn;

export function countColumn(label: string): CountColumn {
  return { label, customLabel: true, operationType: 'count', dataType: 'number', sourceField: RECORDS_FIELD, isBucketed: false, scale: 'ratio', params: { emptyAsNull: true } };
}

export function maxColumn(label: string, field: string): MaxColumn {
  return { label, customLabel: true, operationType: 'max', dataType: 'number', sourceField: field, isBucketed: false, scale: 'ratio', params: { emptyAsNull: true } };
}

export function timeColumn(): DateHistogramColumn {
  return {
    label: TIME_FIELD,
    operationType: 'date_histogram',
    dataType: 'date',
    sourceField: TIME_FIELD,
    isBucketed: true,
    scale: 'interval',
    params: { interval: 'auto', includeEmptyRows: true, dropPartials: false },
  };
}

/** Top values of a keyword field, ranked by the metric column `rankBy`. */
export function termsColumn(label: string, field: string, size: number, rankBy: string, otherBucket = false): TermsColumn {
  return {
    label,
    customLabel: true,
    operationType: 'terms',
    dataType: 'string',
    sourceField: field,
    isBucketed: true,
    scale: 'ordinal',
    params: { size, orderBy: { type: 'column', columnId: rankBy }, orderDirection: 'desc', otherBucket, missingBucket: false, parentFormat: { id: 'terms' } },
  };
}

export interface XyLayer {
  layerId: string;
  layerType: 'data';
  seriesType: 'bar_stacked' | 'bar_horizontal_stacked';
  xAccessor: string;
  splitAccessor?: string;
  accessors: string[];
}

export interface XyVisualization {
  legend: { isVisible: boolean; position: 'right' | 'bottom' };
  valueLabels: 'hide';
  preferredSeriesType: XyLayer['seriesType'];
  layers: XyLayer[];
}

export interface DatatableVisualization {
  layerId: string;
  layerType: 'data';
  columns: { columnId: string }[];
  sorting?: { columnId: string; direction: 'asc' | 'desc' };
}

export interface LensAttributes {
  title: string;
  description: string;
  visualizationType: 'lnsXY' | 'lnsDatatable';
  state: {
    datasourceStates: { formBased: { layers: Record<string, { columns: Record<string, LensColumn>; columnOrder: string[]; incompleteColumns: Record<string, never> }> } };
    visualization: XyVisualization | DatatableVisualization;
    query: { query: string; language: 'kuery' };
    filters: never[];
  };
}

export interface LensSpec {
  id: string;
  title: string;
  description: string;
  /** The columns in the order Lens evaluates them: buckets outermost first, then metrics. */
  columns: Record<string, LensColumn>;
  /** A KQL query the chart is restricted to ('' for none). */
  query?: string;
  visualization: { type: 'lnsXY'; state: Omit<XyVisualization, 'layers'> & { layer: Omit<XyLayer, 'layerId' | 'layerType'> } } | { type: 'lnsDatatable'; state: Omit<DatatableVisualization, 'layerId' | 'layerType'> };
}

export const LAYER_ID = 'findings';

export function lensObject(spec: LensSpec): ExportedSavedObject<LensAttributes> {
  const visualization: XyVisualization | DatatableVisualization =
    spec.visualization.type === 'lnsXY'
      ? (({ layer, ...rest }) => ({ ...rest, layers: [{ layerId: LAYER_ID, layerType: 'data' as const, ...layer }] }))(spec.visualization.state)
      : { layerId: LAYER_ID, layerType: 'data', ...spec.visualization.state };
  return {
    id: spec.id,
    type: 'lens',
    attributes: {
      title: spec.title,
      description: spec.description,
      visualizationType: spec.visualization.type,
      state: {
        datasourceStates: { formBased: { layers: { [LAYER_ID]: { columns: spec.columns, columnOrder: Object.keys(spec.columns), incompleteColumns: {} } } } },
        visualization,
        query: { query: spec.query ?? '', language: 'kuery' },
        filters: [],
      },
    },
    references: [{ type: 'index-pattern', id: DATA_VIEW_ID, name: `indexpattern-datasource-layer-${LAYER_ID}` }],
    coreMigrationVersion: '8.8.0',
    typeMigrationVersion: '8.6.0',
    managed: false,
  };
}
