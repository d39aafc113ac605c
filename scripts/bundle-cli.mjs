#!/usr/bin/env node
/**
 * Bundles the CLI (`src/cli.ts` and its dependencies) into `dist/cli.js`, with the YAML parser, the JSON parser
 * and fast-glob in chunks loaded only when needed. A pre-commit hook starts sagelint once per commit, and Node
 * spends about 100 ms resolving and linking yargs' and our module graphs file by file; one bundle saves most of
 * it (`npm run bench`). The API (`dist/index.js`) is compiled by tsc, unbundled, with its type declarations.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist/chunks', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build whose inner requires a bundler cannot follow; its `module` build is ESM.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (fast-glob) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Smaller to parse at every start; names are kept, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [deferStringWidth()],
});

/** Resolves yargs' and cliui's `string-width` to scripts/bundle/lazy-string-width.cjs, which loads it on first use. */
function deferStringWidth() {
  const shim = fileURLToPath(new URL('bundle/lazy-string-width.cjs', import.meta.url));
  return {
    name: 'defer-string-width',
    setup(bundler) {
      bundler.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
    },
  };
}
