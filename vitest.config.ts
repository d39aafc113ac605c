import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Plugins import `sagelint`: in tests, the source itself (the built package is tested through dist/).
    alias: { sagelint: fileURLToPath(new URL('src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once for the tests that run the built CLI or install sagelint as a package.
    globalSetup: ['test/support/build.ts'],
    // The CLI tests spawn Node processes; give them room on a 2-core machine.
    hookTimeout: 60_000,
  },
});
