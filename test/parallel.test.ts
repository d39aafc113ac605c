/**
 * Worker threads: the built package (they run compiled JavaScript) lints the same files to the same results, and the
 * CLI writes the same bytes, whatever the concurrency.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('linting in worker threads', () => {
  it('gives the results of one thread, in the same order, from two workers', async () => {
    const { lintRun } = await builtLint();
    const serial = await lintRun(PATTERNS, { cwd: ROOT, configLookup: false, concurrency: 'off' });
    const parallel = await lintRun(PATTERNS, { cwd: ROOT, configLookup: false, concurrency: 2 });
    expect(serial.workerThreads).toBe(0);
    expect(parallel.workerThreads).toBe(2);
    expect(serial.results.length).toBeGreaterThan(300);
    expect(JSON.stringify(parallel.results)).toBe(JSON.stringify(serial.results));
  }, 60_000);

  it('loads plugins named by package in each worker; plugin objects keep the run on the calling thread', async () => {
    const { lintRun } = await builtLint();
    // A project with sagelint and the example plugin installed, and 30 requests the plugin finds one problem in each.
    const project = mkdtempSync(join(tmpdir(), 'sagelint-parallel-'));
    try {
      mkdirSync(join(project, 'node_modules'));
      symlinkSync(ROOT, join(project, 'node_modules', 'sagelint'), 'dir');
      cpSync(join(ROOT, 'fixtures', 'plugins', 'sagelint-plugin-acme'), join(project, 'node_modules', 'sagelint-plugin-acme'), { recursive: true });
      const request = readFileSync(join(ROOT, 'fixtures', 'plugins', 'sagelint-plugin-acme', 'examples', 'job-name-prefix', 'invalid', 'example.json'));
      for (let index = 0; index < 30; index += 1) writeFileSync(join(project, `request-${index}.json`), request);
      const options = { cwd: project, configLookup: false, concurrency: 2 } as const;
      const byPackage = await lintRun(['.'], { ...options, plugins: ['sagelint-plugin-acme'] });
      const byObject = await lintRun(['.'], { ...options, plugins: [acme] });
      expect([byPackage.workerThreads, byObject.workerThreads]).toEqual([2, 0]);
      const pluginFindings = (run: typeof byPackage): number =>
        run.results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === 'acme/job-name-prefix').length;
      expect([pluginFindings(byPackage), pluginFindings(byObject)]).toEqual([30, 30]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
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
