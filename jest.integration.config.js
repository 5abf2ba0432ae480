/** The integration suite: against a real Elasticsearch given by ES_URL (npm run test:integration). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/integration'],
  testMatch: ['**/*.integration.ts'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/test/support/esbuild_jest.js' },
  globalSetup: '<rootDir>/test/integration/require_cluster.js',
  testTimeout: 300000,
};
