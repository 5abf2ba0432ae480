/**
 * The Kibana browser bundle, loaded the way Kibana loads it: a script evaluated with `__kbnBundles__` and
 * `__kbnSharedDeps__` as globals. It must register our public entry, carry no copy of the shared dependencies, and
 * its plugin must register the app in the Security category.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildKibanaPublic } from './kibana_public';
import type { AppLike } from '../../public/kibana_types';

describe('Kibana public bundle', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-bundle-'));
    bundle = await buildKibanaPublic(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sits where Kibana looks for it', () => {
    expect(path.relative(dir, bundle)).toBe(path.join('target', 'public', 'cloudApiAbuse.plugin.js'));
  });

  it('takes React, EUI, charts and moment from Kibana instead of bundling them', () => {
    const code = readFileSync(bundle, 'utf8');
    const missing = ['React', 'ReactDom', 'ElasticEui', 'ElasticCharts', 'Moment'].filter((dep) => !code.includes(`__kbnSharedDeps__.${dep}`));
    expect(missing).toEqual([]);
    // Markers of the libraries' own sources (React's error decoder, EUI's data grid, the charts' renderer, moment's
    // locale table): none may be inside. The JSX runtime shim is bundled, as Kibana's optimizer does too.
    const markers = ['react.dev/errors', 'reactjs.org/docs/error-decoder', 'euiDataGrid', 'echChart', 'weekdaysShort'].filter((m) => code.includes(m));
    expect(markers).toEqual([]);
    expect(statSync(bundle).size).toBeLessThan(400 * 1024);
  });

  it('registers the plugin, whose setup registers the app in the Security category with lazy mounting', () => {
    const defined: { id: string; load: (key: string) => { plugin(): { setup(core: unknown): unknown } } }[] = [];
    const registered: AppLike[] = [];
    const context = {
      __kbnBundles__: { define: (id: string, load: (key: string) => { plugin(): { setup(core: unknown): unknown } }) => defined.push({ id, load }) },
      __kbnSharedDeps__: { React: require('react'), ReactDom: require('react-dom'), ElasticEui: {}, ElasticCharts: {}, Moment: require('moment') },
    };
    runInNewContext(readFileSync(bundle, 'utf8'), { ...context, window: context });
    expect(defined.map((d) => d.id)).toEqual(['plugin/cloudApiAbuse/public']);
    const plugin = defined[0].load('plugin/cloudApiAbuse/public').plugin();
    plugin.setup({ application: { register: (app: AppLike) => registered.push(app) }, getStartServices: () => new Promise(() => undefined) });
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ id: 'cloudApiAbuse', title: 'Cloud API Abuse', category: { id: 'securitySolution', label: 'Security' } });
    expect(registered[0].deepLinks?.map((l) => l.path)).toEqual(['/findings', '/dashboard', '/coverage', '/identities']);
  });
});
