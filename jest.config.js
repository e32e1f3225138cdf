// ESM + ts-jest: the @actions/* packages are ESM-only, so tests run as native ES modules
// (NODE_OPTIONS=--experimental-vm-modules, set by the npm scripts).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // What the code under test prints for the runner stays out of the report (TEST_VERBOSE=1).
  setupFiles: ['<rootDir>/__tests__/setup/quiet-stdout.ts'],
  // Under E2E_REQUIRED=1, a test world that is down is one error, before any suite runs.
  globalSetup: '<rootDir>/__tests__/setup/e2e-required.ts',
  // e2e tests start real processes (dockerd, buildx under QEMU): give them room.
  testTimeout: 30000,
  verbose: false
}
