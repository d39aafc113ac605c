/**
 * The build patches js-yaml where `parseEvents` makes its parser's state (scripts/bundle-cli.mjs, and why in
 * src/loaders/js-yaml.ts). The patched parser, as dist/ holds it for the API and the benchmark, must give what js-yaml
 * as published gives: the same events, or the same error at the same place, for every YAML fixture, for each of
 * them cut short, and with each way of passing the options it reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as published from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PARSER_OPTIONS } from '../../src/loaders/yaml.js';

const root = join(import.meta.dirname, '..', '..');
// Built by test/support/build.ts before any test file runs.
const patched = (await import(pathToFileURL(join(root, 'dist', 'loaders', 'js-yaml.js')).href)) as typeof published;

function yamlFixtures(directory = join(root, 'fixtures')): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return yamlFixtures(path);
    return /\.(ya?ml|template)$/.test(entry.name) ? [path] : [];
  });
}

/** What a parser makes of a text: its events, or its error's reason and place. */
function outcome(parser: typeof published, text: string, options: Parameters<typeof published.parseEvents>[1]): unknown {
  try {
    return { events: parser.parseEvents(text, options) };
  } catch (error) {
    if (!(error instanceof Error) || !('mark' in error) || !('reason' in error)) throw error;
    return { message: error.message, reason: error.reason, position: (error.mark as { position: number } | undefined)?.position };
  }
}

const fixtures = yamlFixtures();

describe("the build's js-yaml", () => {
  it('is patched (its state is written out, not spread)', () => {
    const code = readFileSync(join(root, 'dist', 'loaders', 'js-yaml.js'), 'utf8');
    expect(code).toContain('Object.hasOwn(options, "maxDepth") ? options.maxDepth : DEFAULT_PARSER_OPTIONS.maxDepth');
  });

  it.each(fixtures.map((path) => [relative(root, path), path]))('parses %s as js-yaml does', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(outcome(patched, text, PARSER_OPTIONS)).toEqual(outcome(published, text, PARSER_OPTIONS));
    // Cut short, most texts fail somewhere: at the same place with the same words.
    for (let length = 0; length < text.length; length += 97) {
      expect(outcome(patched, text.slice(0, length), PARSER_OPTIONS)).toEqual(outcome(published, text.slice(0, length), PARSER_OPTIONS));
    }
  });

  it.each([
    ['a file name', { filename: 'named.yaml' }],
    ['a depth one level too shallow', { maxDepth: 2 }],
    ['options that set nothing', {}],
  ] as const)('reads the options as js-yaml does: %s', (_name, options) => {
    const nested = 'a:\n  b:\n    c: [1, {d: 2}]\n';
    expect(outcome(patched, nested, options)).toEqual(outcome(published, nested, options));
    const broken = 'a: [1, 2\nb: 3\n';
    expect(outcome(patched, broken, options)).toEqual(outcome(published, broken, options));
  });
});
