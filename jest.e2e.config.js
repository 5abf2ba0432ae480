/** Browser tests: Debian's chromium against the standalone host (npm run test:e2e). One at a time: they share the CPU. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/test/support/esbuild_jest.js' },
  testTimeout: 180000,
  maxWorkers: 1,
};
