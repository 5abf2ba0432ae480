/**
 * The npm packages Kibana already ships to the browser (kbn-ui-shared-deps-src `externals`): our Kibana bundle reads
 * them from `window.__kbnSharedDeps__` instead of carrying its own copies, so React, EUI and charts are Kibana's own.
 */
export const KIBANA_SHARED_DEPS: Record<string, string> = {
  react: '__kbnSharedDeps__.React',
  'react-dom': '__kbnSharedDeps__.ReactDom',
  'react-dom/server': '__kbnSharedDeps__.ReactDomServer',
  '@emotion/react': '__kbnSharedDeps__.EmotionReact',
  '@emotion/cache': '__kbnSharedDeps__.EmotionCache',
  moment: '__kbnSharedDeps__.Moment',
  'moment-timezone': '__kbnSharedDeps__.MomentTimezone',
  '@elastic/eui': '__kbnSharedDeps__.ElasticEui',
  '@elastic/eui-theme-borealis': '__kbnSharedDeps__.ElasticEuiThemeBorealis',
  '@elastic/charts': '__kbnSharedDeps__.ElasticCharts',
  lodash: '__kbnSharedDeps__.Lodash',
  rxjs: '__kbnSharedDeps__.Rxjs',
  uuid: '__kbnSharedDeps__.Uuid',
  classnames: '__kbnSharedDeps__.Classnames',
  history: '__kbnSharedDeps__.History',
  tslib: '__kbnSharedDeps__.TsLib',
};
