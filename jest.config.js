/** Unit tests sit next to their code; scenario and integration suites live under test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/common', '<rootDir>/server', '<rootDir>/plugin', '<rootDir>/test', '<rootDir>/public'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/integration/'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/test/support/esbuild_jest.js' },
  testTimeout: 60000,
};
