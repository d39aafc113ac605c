/**
 * sagelint as a pre-commit hook, end to end: a throwaway repository uses this checkout's `.pre-commit-hooks.yaml`
 * as a remote hook repository (`repo:` + `rev:`), installs the hook with `pre-commit install`, and makes real
 * `git commit`s. pre-commit clones the hook repository at `rev` and installs it as a node package (its `npm install`
 * fetches the dependencies from the npm registry and builds dist/ through `prepare`), so the first commit takes a
 * minute or more; later ones reuse the environment. Skipped where `pre-commit` is not on PATH (.ci/run installs
 * Debian's).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'precommit');
/** The hook environment's `npm install` downloads sagelint's dependencies and builds it. */
const INSTALL_TIMEOUT = 5 * 60_000;
const COMMIT_TIMEOUT = 60_000;

const preCommitVersion = (() => {
  const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
})();
const SKIP_REASON = 'pre-commit is not on PATH (install it, e.g. `apt-get install pre-commit`, to run this test)';
if (preCommitVersion === undefined) {
  console.warn(`[sagelint] skipping test/precommit: ${SKIP_REASON}`);
}

interface RunResult {
  status: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

let tmp = '';
let env: NodeJS.ProcessEnv = {};

/**
 * Runs a command in its own process group, so that on a timeout the whole tree (git → pre-commit → npm/node)
 * is killed and nothing is left behind.
 */
function run(command: string, args: string[], cwd: string, timeout = COMMIT_TIMEOUT): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`${command} ${args.join(' ')} timed out after ${timeout} ms:\n${output}`));
      else resolve({ status, output });
    });
  });
}

async function ok(command: string, args: string[], cwd: string, timeout?: number): Promise<string> {
  const result = await run(command, args, cwd, timeout);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.output}`);
  }
  return result.output;
}

/** A child environment independent of the caller's git, npm and colour settings. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // GIT_DIR & co. (set when the suite itself runs inside a git hook), npm_config_* and npm_lifecycle_* from
    // `npm test`, NODE_ENV from vitest, colour forcing.
    if (/^(GIT_|npm_|NODE_ENV$|FORCE_COLOR$|NO_COLOR$|PRE_COMMIT|VITEST)/i.test(key)) continue;
    childEnv[key] = value;
  }
  return {
    ...childEnv,
    PRE_COMMIT_HOME: join(home, 'pre-commit-cache'),
    PRE_COMMIT_COLOR: 'never',
    NO_COLOR: '1',
    // No global or system git config: no signing, no core.hooksPath (pre-commit refuses to install with it).
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
}

async function initRepository(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await ok('git', ['init', '-q', '-b', 'main'], dir);
  await ok('git', ['config', 'user.name', 'sagelint test'], dir);
  await ok('git', ['config', 'user.email', 'sagelint-test@example.com'], dir);
  await ok('git', ['config', 'commit.gpgsign', 'false'], dir);
}

/**
 * pre-commit clones the hook repository at `rev`, so it only sees committed content. This checkout may hold
 * uncommitted edits (and must not be committed to), so its working tree — the files git would track, without
 * node_modules and dist — is committed to a fresh repository instead. Returns that commit's sha.
 */
async function snapshotCheckout(dest: string): Promise<string> {
  await initRepository(dest);
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${ROOT}:\n${listed.stderr}`);
  const files = new Set(listed.stdout.split('\0').filter((file) => file !== ''));
  for (const file of files) {
    if (/^(node_modules|dist)\//.test(file)) continue;
    const source = join(ROOT, file);
    if (!existsSync(source) || !statSync(source).isFile()) continue; // deleted but not yet staged
    const target = join(dest, file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
  await ok('git', ['add', '-A'], dest);
  await ok('git', ['commit', '-q', '--no-verify', '-m', 'sagelint working tree snapshot'], dest);
  return (await ok('git', ['rev-parse', 'HEAD'], dest)).trim();
}

function stage(project: string, fixture: string, path: string): Promise<string> {
  const target = join(project, path);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(FIXTURES, fixture), target);
  return ok('git', ['add', '--', path], project);
}

async function head(project: string): Promise<string> {
  return (await ok('git', ['rev-parse', 'HEAD'], project)).trim();
}

describe.skipIf(preCommitVersion === undefined)(`sagelint as a pre-commit hook (${preCommitVersion ?? SKIP_REASON})`, () => {
  let project = '';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'sagelint-precommit-'));
    env = isolatedEnv(tmp);
    const hookRepo = join(tmp, 'sagelint');
    const rev = await snapshotCheckout(hookRepo);
    expect(existsSync(join(hookRepo, '.pre-commit-hooks.yaml'))).toBe(true);

    project = join(tmp, 'project');
    await initRepository(project);
    // The form users write for the published repository, with this checkout standing in for GitHub.
    const config = ['repos:', `  - repo: ${hookRepo}`, `    rev: ${rev}`, '    hooks: [{ id: sagelint }]', ''];
    writeFileSync(join(project, '.pre-commit-config.yaml'), config.join('\n'));
    await ok('git', ['add', '.pre-commit-config.yaml'], project);
    await ok('git', ['commit', '-q', '--no-verify', '-m', 'pre-commit config'], project);
    // Installs the git hook and, with --install-hooks, the hook's node environment (the slow part).
    await ok('pre-commit', ['install', '--install-hooks'], project, INSTALL_TIMEOUT);
  }, INSTALL_TIMEOUT + 60_000);

  afterAll(() => {
    if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
  });

  it('lets a clean definition be committed', async () => {
    await stage(project, 'monitors/clean-bias-job.yaml', 'monitors/model-bias-job.yaml');
    const before = await head(project);
    const result = await run('git', ['commit', '-m', 'clean model bias job'], project);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^sagelint\.+Passed$/m);
    expect(await head(project)).not.toBe(before);
  }, COMMIT_TIMEOUT);

  it('refuses a broken definition and names the file and line:column of each error', async () => {
    await stage(project, 'monitors/broken-bias-job.yaml', 'monitors/broken job.yaml');
    const before = await head(project);
    const result = await run('git', ['commit', '-m', 'broken model bias job'], project);
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(/^sagelint\.+Failed$/m);
    expect(result.output).toContain('- exit code: 1');
    expect(result.output).toContain('monitors/broken job.yaml');
    expect(result.output).toMatch(/^\s*20:20\s+error\s+InstanceCount must be an integer/m);
    expect(result.output).toMatch(/^\s*31:1\s+error\s+StoppingCondition is missing the required member "MaxRuntimeInSeconds"/m);
    expect(result.output).toMatch(/^\s*32:3\s+error\s+StoppingCondition has an unknown member "MaxRuntimeSeconds"/m);
    expect(await head(project)).toBe(before);
    // Take the broken file back out, so that the next commit holds only what it stages.
    await ok('git', ['rm', '-q', '--cached', '--', 'monitors/broken job.yaml'], project);
    rmSync(join(project, 'monitors', 'broken job.yaml'));
  }, COMMIT_TIMEOUT);

  it('lets a staged package.json (a matching file with no definition) be committed', async () => {
    await stage(project, 'no-definitions/package.json', 'package.json');
    const before = await head(project);
    const result = await run('git', ['commit', '-m', 'package.json'], project);
    expect(result.status, result.output).toBe(0);
    // The hook ran on it (files: matches .json) rather than being skipped for want of files.
    expect(result.output).toMatch(/^sagelint\.+Passed$/m);
    expect(await head(project)).not.toBe(before);
  }, COMMIT_TIMEOUT);
});
