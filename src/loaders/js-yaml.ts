/**
 * js-yaml, as the YAML loader uses it. The build (scripts/bundle-cli.mjs) replaces this module's compiled form, and
 * js-yaml inside the CLI's bundle, with js-yaml bundled and patched in one place: `parseEvents` makes its parser's
 * state as one object literal that starts with spreads (`{ ...defaults, ...options, input, … }`). On Node 20's V8,
 * such an object gets a hidden class of its own each time, so every state access of the parser, per character, is a
 * megamorphic lookup: the patch writes the two defaults out instead, and parsing YAML takes about a quarter of the
 * time. Run from sources (the tests), it is js-yaml as published; test/loaders/js-yaml-patch.test.ts checks that
 * both give the same events.
 */
export * from 'js-yaml';
