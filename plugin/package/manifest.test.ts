import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { manifestProblems, stampManifest, type PluginManifest } from './manifest';

const source = JSON.parse(readFileSync(path.resolve(__dirname, '../../kibana.json'), 'utf8')) as PluginManifest;

describe('the packaged kibana.json', () => {
  it('is the source manifest with the exact Kibana version and the plugin version, which Kibana accepts', () => {
    const stamped = stampManifest(source, '8.17.4', '1.2.3');
    expect(stamped).toEqual({ ...source, kibanaVersion: '8.17.4', version: '1.2.3' });
    expect(manifestProblems(stamped, '8.17.4')).toEqual([]);
  });

  it('names what Kibana would refuse', () => {
    const stamped = stampManifest(source, '8.17.4', '1.2.3');
    const { owner: _owner, ...withoutOwner } = stamped;
    expect(manifestProblems({ ...stamped, extra: 1 }, '8.17.4')).toEqual(['unrecognized properties extra']);
    expect(manifestProblems(withoutOwner, '8.17.4')).toEqual(['owner.name is required']);
    expect(manifestProblems(stamped, '8.17.5')).toEqual(['kibanaVersion must be 8.17.5']);
    expect(manifestProblems({ ...stamped, id: 'cloud.api_abuse' }, '8.17.4')).toEqual(['id must be camelCase without dots']);
    expect(manifestProblems({ ...stamped, server: false, ui: false }, '8.17.4')).toEqual(['at least one of server and ui must be true']);
    expect(manifestProblems({ ...stamped, requiredPlugins: 'taskManager' }, '8.17.4')).toEqual(['requiredPlugins must be a list of plugin ids']);
  });
});
