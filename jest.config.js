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
  // e2e tests start real processes (dockerd, buildx under QEMU): give them room.
  testTimeout: 30000,
  verbose: false
}
