#!/usr/bin/env node
/**
 * The floor `npm run bench` compares sagelint with: the least work any linter of these files must do, in one thread
 * of one Node process, timed from outside as a whole process like sagelint.
 *
 *   node scripts/bench/parse-floor.mjs <tree> <list>
 *
 * It includes Node's start-up and loading the two parsers; a directory walk of `<tree>` (readdir, the extensions a
 * directory walk lints, node_modules and .git skipped), the cost of listing the files; then, for each walked file
 * named in `<list>` (the files sagelint linted, one absolute path a line), reading it synchronously, decoding it as
 * UTF-8 and parsing it with the calls src/loaders/ makes: JSON with jsonc-parser's `parseTree`, strict then lenient
 * when strict fails; YAML with the loader's js-yaml (as the build patches it) `parseEvents` and the same options, and each scalar's value decoded
 * (`getScalarValue`), which any reader of the values pays. It leaves out what is sagelint's own work: turning the
 * events and parse trees into values with offsets,
 * configuration, finding definitions, validation, rules, suppressions, formatting and writing the report.
 * Prints what it parsed as JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseTree } from 'jsonc-parser';
// The loader's own js-yaml (patched by the build: src/loaders/js-yaml.ts) and options, from the build the benchmark times.
import { EVENT_ID, getScalarValue, parseEvents, YAMLException } from '../../dist/loaders/js-yaml.js';
import { PARSER_OPTIONS } from '../../dist/loaders/yaml.js';

const LINTABLE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

function walk(directory, found) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path, found);
    else if (entry.isFile() && LINTABLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

function parse(path, text, counts) {
  const extension = extname(path).toLowerCase();
  const json = extension === '.json' || (extension !== '.yaml' && extension !== '.yml' && /^\s*[{[]/.test(text));
  if (json) {
    const errors = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0) parseTree(text, [], { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
    counts.jsonFiles += 1;
    return;
  }
  try {
    for (const event of parseEvents(text, PARSER_OPTIONS)) {
      if (event.type === EVENT_ID.DOCUMENT) counts.yamlDocuments += 1;
      else if (event.type === EVENT_ID.SCALAR && event.valueStart !== -1) getScalarValue(text, event);
    }
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    counts.yamlErrors += 1;
  }
  counts.yamlFiles += 1;
}

const [tree, list] = process.argv.slice(2);
const linted = new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean));
const counts = { walked: 0, jsonFiles: 0, yamlFiles: 0, yamlDocuments: 0, yamlErrors: 0, bytes: 0 };
const decoder = new TextDecoder('utf-8', { fatal: true });
for (const path of walk(tree, [])) {
  counts.walked += 1;
  if (!linted.has(path)) continue;
  const bytes = readFileSync(path);
  counts.bytes += bytes.length;
  const text = decoder.decode(bytes);
  parse(path, text.startsWith('\uFEFF') ? text.slice(1) : text, counts);
}
counts.notFound = linted.size - counts.jsonFiles - counts.yamlFiles;
console.log(JSON.stringify(counts));
