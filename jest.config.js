/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 30000,
  // Tests must never reach the internet; loopback servers are started by the tests themselves.
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  // The e2e suites record their Graph traffic in .graph-traffic/ (one file pair per worker process); once all
  // test files are done, the teardown runs tools/graph-conformance over it (README, "Graph conformance").
  globalSetup: '<rootDir>/test/setup/graphTraffic.setup.ts',
  globalTeardown: '<rootDir>/test/setup/graphConformance.teardown.ts',
};
