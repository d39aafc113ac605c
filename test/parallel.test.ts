/**
 * Worker threads: the built package (they run compiled JavaScript) lints the same files to the same results, and the
 * CLI writes the same bytes, whatever the concurrency.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import acme from '../fixtures/plugins/sagelint-plugin-acme/index.js';

const ROOT = resolve(import.meta.dirname, '..');
/** Every fixture (the broken configurations are config-files.test.ts's business): hundreds of files of every kind. */
const PATTERNS = ['fixtures'];

/** The built `lint.ts` (by test/support/build.ts), imported at run time so that type checking does not need dist/. */
async function builtLint(): Promise<typeof import('../src/lint.js')> {
  return (await import(pathToFileURL(join(ROOT, 'dist', 'lint.js')).href)) as typeof import('../src/lint.js');
}

/** Runs `body` in a scratch project of `count` copies of a request body (`request-<n>.json`), removed afterwards. */
async function withRequests(count: number, request: string, body: (project: string) => Promise<void>): Promise<void> {
  const project = mkdtempSync(join(tmpdir(), 'sagelint-parallel-'));
  try {
    const text = readFileSync(join(ROOT, request));
    for (let index = 0; index < count; index += 1) writeFileSync(join(project, `request-${index}.json`), text);
    await body(project);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

describe('linting in worker threads', () => {
  it('gives the results of one thread, in the same order, from the calling thread and one or two workers', async () => {
    const { lintRun } = await builtLint();
    const serial = await lintRun(PATTERNS, { cwd: ROOT, configLookup: false, concurrency: 'off' });
    const two = await lintRun(PATTERNS, { cwd: ROOT, configLookup: false, concurrency: 2 });
    const three = await lintRun(PATTERNS, { cwd: ROOT, configLookup: false, concurrency: 3 });
    expect([serial.workerThreads, two.workerThreads, three.workerThreads]).toEqual([0, 1, 2]);
    expect(serial.results.length).toBeGreaterThan(300);
    expect(JSON.stringify(two.results)).toBe(JSON.stringify(serial.results));
    expect(JSON.stringify(three.results)).toBe(JSON.stringify(serial.results));
  }, 60_000);

  it('loads plugins named by package in each worker; plugin objects keep the run on the calling thread', async () => {
    const { lintRun } = await builtLint();
    // A project with sagelint and the example plugin installed, and 30 requests the plugin finds one problem in each.
    await withRequests(30, 'fixtures/plugins/sagelint-plugin-acme/examples/job-name-prefix/invalid/example.json', async (project) => {
      mkdirSync(join(project, 'node_modules'));
      symlinkSync(ROOT, join(project, 'node_modules', 'sagelint'), 'dir');
      cpSync(join(ROOT, 'fixtures', 'plugins', 'sagelint-plugin-acme'), join(project, 'node_modules', 'sagelint-plugin-acme'), { recursive: true });
      const options = { cwd: project, configLookup: false, concurrency: 2 } as const;
      const byPackage = await lintRun(['.'], { ...options, plugins: ['sagelint-plugin-acme'] });
      const byObject = await lintRun(['.'], { ...options, plugins: [acme] });
      expect([byPackage.workerThreads, byObject.workerThreads]).toEqual([1, 0]);
      const pluginFindings = (run: typeof byPackage): number =>
        run.results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === 'acme/job-name-prefix').length;
      expect([pluginFindings(byPackage), pluginFindings(byObject)]).toEqual([30, 30]);
    });
  }, 60_000);

  it('lints on the calling thread the batches of a worker that fails', async () => {
    const { lintRun } = await builtLint();
    // A plugin that cannot be loaded in a worker thread: each worker fails its batches, and gives them back.
    await withRequests(100, 'fixtures/examples/clean-request.json', async (project) => {
      writeFileSync(
        join(project, 'main-thread-only.mjs'),
        [
          "import { isMainThread } from 'node:worker_threads';",
          "if (!isMainThread) throw new Error('not in a worker');",
          'export default {',
          "  meta: { name: 'sagelint-plugin-main-thread-only' },",
          "  rules: [{ id: 'quiet', title: 'Quiet', description: 'Reports nothing.', severity: 'error', appliesTo: ['api-request'],",
          "    docs: { rationale: 'A test.' }, check() {} }],",
          '};',
        ].join('\n'),
      );
      const options = { cwd: project, configLookup: false, plugins: ['./main-thread-only.mjs'] } as const;
      const serial = await lintRun(['.'], { ...options, concurrency: 'off' });
      const parallel = await lintRun(['.'], { ...options, concurrency: 3 });
      expect(parallel.workerThreads).toBe(0);
      expect(parallel.results).toHaveLength(100);
      expect(JSON.stringify(parallel.results)).toBe(JSON.stringify(serial.results));
    });
  }, 60_000);

  it('by default (auto) lints in a thread per core, up to 4, from 400 files on, and on the calling thread below', async () => {
    const { lintRun } = await builtLint();
    await withRequests(400, 'fixtures/examples/clean-request.json', async (project) => {
      const many = await lintRun(['.'], { cwd: project, configLookup: false });
      const few = await lintRun(['request-1*.json'], { cwd: project, configLookup: false });
      expect(many.workerThreads).toBe(Math.min(availableParallelism(), 4) - 1);
      expect(many.results).toHaveLength(400);
      expect(few.workerThreads).toBe(0);
      expect(few.results).toHaveLength(111);
    });
  }, 60_000);

  it('starts workers before the configurations are read, and ends them when a configuration is bad', async () => {
    await withRequests(400, 'fixtures/examples/clean-request.json', async (project) => {
      writeFileSync(join(project, 'sagelint.config.yaml'), 'rules: {no-such-rule: error}\n');
      // A worker left running would keep the process alive until the timeout.
      const run = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli.js'), '.'], { cwd: project, timeout: 30_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      expect(run).toEqual({ code: 2, stderr: `sagelint: ${join(project, 'sagelint.config.yaml')}: There is no rule "no-such-rule". The rules are listed in rules.md.\n` });
    });
  }, 60_000);

  it('lints on the calling thread when ignores leave fewer than 400 of the files found', async () => {
    const { lintRun } = await builtLint();
    await withRequests(400, 'fixtures/examples/clean-request.json', async (project) => {
      writeFileSync(join(project, 'sagelint.config.yaml'), "ignores: ['request-1*.json']\n");
      const run = await lintRun(['.'], { cwd: project });
      expect(run.workerThreads).toBe(0);
      // The configuration file is a YAML file of the folder, and linted too.
      expect(run.results).toHaveLength(400 - 111 + 1);
    });
  }, 60_000);

  it.each(['json', 'sarif', 'stylish'])('leaves the CLI output (%s) byte for byte the same', async (format) => {
    const output = async (concurrency: string): Promise<string> =>
      promisify(execFile)(process.execPath, ['dist/cli.js', ...PATTERNS, '--no-config-lookup', '--format', format, '--concurrency', concurrency], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        ({ stdout }) => stdout,
        (error: { stdout: string; stderr: string }) => error.stdout || `(no output) ${error.stderr}`,
      );
    const serial = await output('off');
    expect(serial.length, serial).toBeGreaterThan(10_000);
    expect(await output('2')).toBe(serial);
  }, 60_000);
});
