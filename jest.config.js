// Jest 30 loads the ESM-only Nest 12 packages in native-ESM mode (see README, "Tests").
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  // A bound on hangs, not a speed check: generous, because the machines are shared and loaded.
  testTimeout: 180_000,
  maxWorkers: 2,
  // Each file starts its own Nest app; a worker's heap grows over a hundred of them (it ran out at
  // 4 GB). A worker above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1536MB',
};
