// End-to-end tests against the local control plane in test/cluster
// (etcd + kube-apiserver + kube-controller-manager + kube-scheduler + kwok).
// globalSetup starts it with test/cluster/up.sh, or reuses one that is already
// running (`npm run cluster:up`); globalTeardown stops it only if this run
// started it. Run with:
//   NODE_OPTIONS=--experimental-vm-modules jest --config jest.e2e.config.mjs
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/e2e/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  globalSetup: '<rootDir>/e2e/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/e2e/setup/global-teardown.mjs',
  testTimeout: 120000,
  maxWorkers: 2,
  // A watch or keep-alive socket left by a failed test must not hold CI until its time limit.
  forceExit: true,
};
