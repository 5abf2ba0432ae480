/** Unit tests sit next to their code; scenario and integration suites live under test/. The panel's tests run in jsdom. */
const transform = { '^.+\\.(t|j)sx?$': '<rootDir>/test/support/esbuild_jest.js' };
const testPathIgnorePatterns = ['/node_modules/', '/test/e2e/', '/test/integration/'];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/common', '<rootDir>/server', '<rootDir>/plugin', '<rootDir>/test'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns,
      transform,
      testTimeout: 60000,
    },
    {
      displayName: 'panel',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/public'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns,
      transform,
      testTimeout: 60000,
      // EUI and charts pull in a few ESM-only packages; esbuild turns them into CommonJS like our own code.
      transformIgnorePatterns: ['/node_modules/(?!(uuid|d3-[a-z-]+|internmap|@elastic/eui-theme-borealis)/)'],
      setupFilesAfterEnv: ['<rootDir>/test/support/panel_setup.ts'],
    },
  ],
};
