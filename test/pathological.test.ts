/**
 * sagelint is unbreakable on any input: each pathological file gets one clear finding with its position, or its
 * findings however many, and the run goes on. Every case lints the bad file beside a good one through `lint()` and
 * checks the good one too. (YAML alias bombs and non-UTF-8 files: test/loaders/bad-input.test.ts; symbolic link
 * loops: test/files/expand-patterns.test.ts.)
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lint } from '../src/lint.js';
import { DEFAULT_MAX_FILE_SIZE, loadFile } from '../src/loaders/load.js';
import { MAX_NESTING_DEPTH } from '../src/loaders/source-document.js';
import type { Finding, LintResult } from '../src/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLEAN_REQUEST = join(ROOT, 'fixtures/examples/clean-request.json');

/** Files that lint() lists and that then vanish, or become unreadable, before it reads them. */
const AFTER_LISTING = vi.hoisted(() => ({ vanishes: 'vanishes-after-listing.json', locked: 'locked-after-listing.json' }));

vi.mock('../src/files/expand-patterns.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/files/expand-patterns.js')>();
  const { basename } = await import('node:path');
  const fs = await import('node:fs');
  return {
    ...original,
    expandPatterns: async (...args: Parameters<typeof original.expandPatterns>) => {
      const expanded = await original.expandPatterns(...args);
      for (const file of expanded.files) {
        if (basename(file) === AFTER_LISTING.vanishes) fs.unlinkSync(file);
        if (basename(file) === AFTER_LISTING.locked) fs.chmodSync(file, 0o000);
      }
      return expanded;
    },
  };
});

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'sagelint-pathological-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Writes `text` to a file of the temporary folder and returns its path. */
function write(name: string, text: string): string {
  const file = join(directory, name);
  writeFileSync(file, text);
  return file;
}

/** Lints `file` beside the clean example request, checks that one, and returns the result for `file`. */
async function lintBesideCleanFile(file: string): Promise<LintResult> {
  const results = await lint([file, CLEAN_REQUEST], { cwd: directory, configLookup: false });
  expect(results.map((result) => result.filePath).sort()).toEqual([file, CLEAN_REQUEST].sort());
  expect(results.find((result) => result.filePath === CLEAN_REQUEST)).toMatchObject({ findings: [], errorCount: 0, definitionCount: 1 });
  const result = results.find((result) => result.filePath === file);
  if (result === undefined) throw new Error(`no result for ${file}`);
  return result;
}

/** The one finding of a file that could not be read or parsed, spanning one character (none for read errors). */
function fatal(ruleId: 'parse-error' | 'read-error', message: string, line: number, column: number): Finding {
  const endColumn = ruleId === 'read-error' ? column : column + 1;
  return { ruleId, severity: 'error', message, line, column, endLine: line, endColumn, fatal: true };
}

describe('a file over the size limit', () => {
  it('is not read: one read error, and the other file is linted', async () => {
    // Sparse: 100 MiB on paper, no disk blocks and no time to write.
    const file = write('huge.json', '');
    truncateSync(file, 100 * 1024 * 1024);
    const result = await lintBesideCleanFile(file);
    expect(result.findings).toEqual([
      fatal('read-error', 'The file is 104857600 bytes, over the size limit of 10485760 bytes (maxFileSize).', 1, 1),
    ]);
  });

  it('is read when exactly at the limit; the limit is an option', async () => {
    expect(DEFAULT_MAX_FILE_SIZE).toBe(10 * 1024 * 1024);
    const size = readFileSync(CLEAN_REQUEST).length;
    expect((await loadFile(CLEAN_REQUEST, { maxFileSize: size })).problems).toEqual([]);
    expect((await loadFile(CLEAN_REQUEST, { maxFileSize: size - 1 })).problems).toEqual([
      { kind: 'read', message: `The file is ${size} bytes, over the size limit of ${size - 1} bytes (maxFileSize).`, range: { start: 0, end: 0 } },
    ]);
  });

  it.skipIf(process.platform === 'win32')('is refused after the limit when it has no size to check first (a device)', async () => {
    expect((await loadFile('/dev/zero', { maxFileSize: 1000 })).problems).toEqual([
      { kind: 'read', message: 'The file is over the size limit of 1000 bytes (maxFileSize).', range: { start: 0, end: 0 } },
    ]);
  });

  it.skipIf(process.platform === 'win32')('is read to its end from a pipe that delivers it in pieces', async () => {
    // A regular file that returns fewer bytes than asked for has ended; a pipe has only paused.
    const pipe = join(directory, 'pieces.json');
    execFileSync('mkfifo', [pipe]);
    const writer = spawn('sh', ['-c', `{ printf '{"a":'; sleep 0.2; printf '1}'; } > "$0"`, pipe], { stdio: 'ignore' });
    const loaded = await loadFile(pipe);
    await new Promise((resolveExit) => writer.on('exit', resolveExit));
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents.map((document) => document.value)).toEqual([{ a: 1 }]);
  });
});

describe('100,000 levels of nesting', () => {
  const LEVELS = 100_000;
  const tooDeep = `The document is nested deeper than ${MAX_NESTING_DEPTH} levels.`;

  it.each([
    // The first bracket past the limit, counted in characters per level.
    ['JSON arrays', 'arrays.json', '['.repeat(LEVELS) + ']'.repeat(LEVELS), 1, MAX_NESTING_DEPTH + 1],
    ['JSON objects', 'objects.json', '{"a":'.repeat(LEVELS) + '1' + '}'.repeat(LEVELS), 1, MAX_NESTING_DEPTH * 5 + 1],
    ['YAML flow sequences', 'flow.yaml', '['.repeat(LEVELS) + ']'.repeat(LEVELS) + '\n', 1, MAX_NESTING_DEPTH + 1],
    // The parser counts a block sequence's item as a level of its own, and stops at the first item past the limit.
    ['YAML block sequences, 10,000 levels', 'block-sequences.yaml', '- '.repeat(10_000) + 'x\n', 1, MAX_NESTING_DEPTH * 2 + 3],
  ] as const)('%s: one parse error where the limit is crossed', async (_name, name, text, line, column) => {
    const result = await lintBesideCleanFile(write(name, text));
    expect(result.findings).toEqual([fatal('parse-error', tooDeep, line, column)]);
  });

  it('YAML block mappings, 1,000 levels (one more space each): one parse error at the first key past the limit', async () => {
    const lines = Array.from({ length: 1_000 }, (_, level) => `${' '.repeat(level)}a${level}:`);
    const result = await lintBesideCleanFile(write('block-mappings.yaml', lines.join('\n') + ' x\n'));
    expect(result.findings).toEqual([fatal('parse-error', tooDeep, MAX_NESTING_DEPTH + 1, MAX_NESTING_DEPTH + 1)]);
  });

  it.each([
    ['a JSON request', 'deep-request.json', `{"ModelBiasJobInput": ${'{"a":'.repeat(MAX_NESTING_DEPTH - 1)}1${'}'.repeat(MAX_NESTING_DEPTH - 1)}, "RoleArn": 7}`],
    ['a YAML request', 'deep-request.yaml', `RoleArn: 7\nModelBiasJobInput: ${'{a: '.repeat(MAX_NESTING_DEPTH - 1)}1${'}'.repeat(MAX_NESTING_DEPTH - 1)}\n`],
  ])('%s exactly at the limit is linted as usual', async (_name, name, text) => {
    const result = await lintBesideCleanFile(write(name, text));
    expect(result.fatalErrorCount).toBe(0);
    expect(result.definitionCount).toBe(1);
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'valid-value-type', pointer: '/RoleArn' }));
  });
});

describe('a file that vanishes or becomes unreadable between listing and reading', () => {
  it('vanished: one read error, and the other file is linted', async () => {
    const file = write(AFTER_LISTING.vanishes, '{}');
    const result = await lintBesideCleanFile(file);
    expect(result.findings).toEqual([fatal('read-error', 'Cannot read the file (ENOENT).', 1, 1)]);
  });

  // root reads any file whatever its mode.
  it.skipIf(process.getuid?.() === 0)('unreadable (mode 000): one read error, and the other file is linted', async () => {
    const file = write(AFTER_LISTING.locked, '{}');
    try {
      const result = await lintBesideCleanFile(file);
      expect(result.findings).toEqual([fatal('read-error', 'Cannot read the file (EACCES).', 1, 1)]);
    } finally {
      chmodSync(file, 0o644);
    }
  });

  it('a path that no longer exists is one read problem for the loader', async () => {
    const file = write('gone.yaml', 'a: 1\n');
    unlinkSync(file);
    expect((await loadFile(file)).problems).toEqual([{ kind: 'read', message: 'Cannot read the file (ENOENT).', range: { start: 0, end: 0 } }]);
  });
});

describe('thousands of findings in one file', () => {
  /** Every finding on a line and column of the file, in order, none twice. */
  function expectPlacedAndSorted(result: LintResult, text: string): void {
    const lines = text.split('\n');
    for (const finding of result.findings) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.line).toBeLessThanOrEqual(lines.length);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeLessThanOrEqual((lines[finding.line - 1] ?? '').length);
    }
    const order = result.findings.map((finding) => [finding.line, finding.column, finding.ruleId] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
    expect(order).toEqual(sorted);
    expect(new Set(order.map((place) => place.join(':'))).size).toBe(order.length);
  }

  it('a request with 5,000 unknown members: each one found at its key', async () => {
    const request: Record<string, unknown> = JSON.parse(readFileSync(CLEAN_REQUEST, 'utf8'));
    for (let index = 0; index < 5_000; index += 1) request[`Unknown${index}`] = index;
    const text = JSON.stringify(request, null, 2);
    const result = await lintBesideCleanFile(write('many-members.json', text));
    expect(result.findings).toHaveLength(5_000);
    expect(new Set(result.findings.map((finding) => finding.ruleId))).toEqual(new Set(['no-unknown-members']));
    expectPlacedAndSorted(result, text);
    const lines = text.split('\n');
    for (const finding of result.findings) {
      expect((lines[finding.line - 1] ?? '').slice(finding.column - 1)).toMatch(/^"Unknown\d+": \d+,?$/);
    }
  });

  it('a template with 500 bias job definitions, each with two bad values: 1,000 findings, each at its value', async () => {
    const { JobDefinitionName: _name, ...properties } = JSON.parse(readFileSync(CLEAN_REQUEST, 'utf8')) as Record<string, unknown>;
    const resources: Record<string, unknown> = {};
    for (let index = 0; index < 500; index += 1) {
      const resource = structuredClone(properties) as { JobResources: { ClusterConfig: Record<string, unknown> } };
      Object.assign(resource.JobResources.ClusterConfig, { InstanceType: 'ML.M5.XLARGE', VolumeSizeInGB: 0 });
      resources[`BiasJob${index}`] = { Type: 'AWS::SageMaker::ModelBiasJobDefinition', Properties: resource };
    }
    const text = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2);
    const result = await lintBesideCleanFile(write('many-definitions.json', text));
    expect(result.definitionCount).toBe(500);
    expect(result.findings.filter((finding) => finding.ruleId === 'valid-instance-type')).toHaveLength(500);
    expect(result.findings.filter((finding) => finding.ruleId === 'valid-number-range')).toHaveLength(500);
    expect(result.findings).toHaveLength(1_000);
    expectPlacedAndSorted(result, text);
    const lines = text.split('\n');
    for (const finding of result.findings) {
      expect((lines[finding.line - 1] ?? '').slice(finding.column - 1)).toMatch(/^("ML\.M5\.XLARGE"|0),?$/);
    }
  });
});
