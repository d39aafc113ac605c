import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests build dist/ once; give them room on a 2-core machine.
    hookTimeout: 60_000,
  },
});
