import { defineConfig } from 'vitest/config';

// The packaged smoke test (npm run test:packaged): electron-builder packs the app against a
// stand-in Electron distribution, then the packed main process runs under the stand-in Electron.
export default defineConfig({
  test: {
    include: ['test/packaged/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
