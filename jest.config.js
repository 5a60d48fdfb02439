/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 30000,
  // Tests must never reach the internet; loopback servers are started by the tests themselves.
  setupFiles: ['<rootDir>/test/setup/env.ts'],
};
