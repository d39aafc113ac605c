#!/usr/bin/env node
/**
 * Bundles the CLI (`src/cli.ts` and its dependencies) into `dist/cli.js`, with the YAML parser, the JSON parser
 * and fast-glob in chunks loaded only when needed. A pre-commit hook starts sagelint once per commit, and Node
 * spends about 100 ms resolving and linking yargs' and our module graphs file by file; one bundle saves most of
 * it (`npm run bench`). The API (`dist/index.js`) is compiled by tsc, unbundled, with its type declarations; only its
 * js-yaml module (`dist/loaders/js-yaml.js`) is then replaced by js-yaml bundled, patched as in the CLI.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
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
  plugins: [deferStringWidth(), monomorphicYamlState()],
});

// The API's js-yaml (src/loaders/js-yaml.ts, compiled by tsc to a re-export) becomes js-yaml itself, patched alike.
await build({
  absWorkingDir: root,
  entryPoints: ['src/loaders/js-yaml.ts'],
  outfile: 'dist/loaders/js-yaml.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  allowOverwrite: true,
  plugins: [monomorphicYamlState()],
});

/**
 * Patches js-yaml's `parseEvents` where it makes its parser's state (see src/loaders/js-yaml.ts): the spreads of the
 * defaults and the options become the two members they give, so every state object has one hidden class. The parser
 * reads no other option. A js-yaml whose code differs fails the build rather than going unpatched.
 */
function monomorphicYamlState() {
  const spread = '\t\t...DEFAULT_PARSER_OPTIONS,\n\t\t...options,\n';
  const written =
    "\t\tfilename: options != null && Object.hasOwn(options, 'filename') ? options.filename : DEFAULT_PARSER_OPTIONS.filename,\n" +
    "\t\tmaxDepth: options != null && Object.hasOwn(options, 'maxDepth') ? options.maxDepth : DEFAULT_PARSER_OPTIONS.maxDepth,\n";
  return {
    name: 'monomorphic-yaml-state',
    setup(bundler) {
      let patched = false;
      bundler.onLoad({ filter: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, (args) => {
        const code = readFileSync(args.path, 'utf8');
        const defaults = /var DEFAULT_PARSER_OPTIONS = \{\n\tfilename: "",\n\tmaxDepth: 100\n\};/;
        if (code.split(spread).length !== 2 || !defaults.test(code)) {
          throw new Error(`${args.path}: parseEvents no longer makes its state as scripts/bundle-cli.mjs expects; update monomorphicYamlState.`);
        }
        patched = true;
        return { contents: code.replace(spread, written), loader: 'js' };
      });
      bundler.onEnd((result) => {
        if (result.errors.length === 0 && !patched) throw new Error('js-yaml was not bundled from dist/js-yaml.mjs: monomorphicYamlState patched nothing.');
      });
    },
  };
}

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
