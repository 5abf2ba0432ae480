import { packageNameOf, runtimeRequires } from './runtime_requires';

describe('runtime requires of the server bundle', () => {
  it('names the package of each bare require, scoped or with a subpath', () => {
    expect(['zod', 'zod/v4', '@scope/pkg', '@scope/pkg/sub/file.js', 'yaml/util'].map(packageNameOf)).toEqual(['zod', 'zod', '@scope/pkg', '@scope/pkg', 'yaml']);
  });

  it('leaves out Node built-ins and relative files', () => {
    expect(['node:crypto', 'crypto', 'fs/promises', './plugin', '../common/x', '/abs/file'].map(packageNameOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('splits what the zip carries from what Kibana provides', () => {
    const bundle = [
      'var import_zod = require("zod");',
      "var y = require('yaml');",
      'var es = require("@elastic/elasticsearch");',
      'try { s = require("@kbn/config-schema"); } catch {}',
      'var c = require("node:crypto"); var p = require("path");',
      'var again = require("zod/v4");',
    ].join('\n');
    expect(runtimeRequires(bundle)).toEqual({ bundled: ['yaml', 'zod'], fromKibana: ['@elastic/elasticsearch', '@kbn/config-schema'] });
  });
});
