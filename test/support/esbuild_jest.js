/**
 * Jest transform: TypeScript/TSX to CommonJS with esbuild (the same compiler that builds the CLI bundle).
 * Type checking is `tsc --noEmit`, run before jest by `npm test`.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

// Part of every cache key, so that changing this transform invalidates Jest's cache.
const SELF = createHash('sha1').update(readFileSync(__filename)).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha1').update(SELF).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : filename.endsWith('.jsx') ? 'jsx' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      // Jest runs CommonJS: lazy `import()` (the plugin's async initializer) becomes a require.
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
};
