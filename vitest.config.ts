import { defineConfig } from 'vitest/config';

// Unit and lab tests run in plain Node: nothing here needs Electron.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The packaged smoke test packs the app first: npm run test:packaged.
    exclude: ['test/packaged/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
