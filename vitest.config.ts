import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{db,compute,server,web,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.data/**'],
    // Test files share one embedded Postgres (or NNGP_TEST_DATABASE_URL); processes, not threads,
    // because the database lifecycle tracks process ids.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
