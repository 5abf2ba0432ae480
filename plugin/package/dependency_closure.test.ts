import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { dependencyClosure } from './dependency_closure';

/** A project whose node_modules has a nested copy (two versions of b), a scoped package and optional pieces. */
function fixture(root: string): void {
  const pkg = (folder: string, json: Record<string, unknown>) => {
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, folder, 'package.json'), JSON.stringify(json));
  };
  pkg('.', { name: 'project', version: '1.0.0', dependencies: { a: '1.0.0', '@s/d': '1.0.0' }, devDependencies: { dev: '1.0.0' } });
  pkg('node_modules/a', { name: 'a', version: '1.0.0', dependencies: { b: '^2.0.0', c: '1.0.0' }, optionalDependencies: { 'other-platform': '1.0.0' } });
  pkg('node_modules/a/node_modules/b', { name: 'b', version: '2.1.0' });
  pkg('node_modules/b', { name: 'b', version: '1.4.0' });
  pkg('node_modules/c', { name: 'c', version: '1.0.0', peerDependencies: { b: '*', maybe: '*' }, peerDependenciesMeta: { maybe: { optional: true } } });
  pkg('node_modules/@s/d', { name: '@s/d', version: '1.0.0' });
  pkg('node_modules/dev', { name: 'dev', version: '1.0.0' });
}

describe('production dependency closure', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'caa-closure-'));
    fixture(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds each package where Node would, nested copies at their own version, and nothing unused', () => {
    expect(dependencyClosure(root, ['a', '@s/d'])).toEqual([
      { name: '@s/d', version: '1.0.0', folder: 'node_modules/@s/d' },
      { name: 'a', version: '1.0.0', folder: 'node_modules/a' },
      { name: 'b', version: '2.1.0', folder: 'node_modules/a/node_modules/b' },
      // c's peer b resolves from c's folder: the top-level copy.
      { name: 'b', version: '1.4.0', folder: 'node_modules/b' },
      { name: 'c', version: '1.0.0', folder: 'node_modules/c' },
    ]);
  });

  it('skips optional dependencies and optional peers that are not installed, and stops at a missing required one', () => {
    expect(dependencyClosure(root, ['c']).map((p) => p.folder)).toEqual(['node_modules/b', 'node_modules/c']);
    expect(() => dependencyClosure(root, ['absent'])).toThrow('absent (needed by the server bundle) is not installed');
  });
});
