import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** What sagelint's run-time code may never import: AWS SDK clients, credential providers, network modules. */
const FORBIDDEN = [
  /^@aws-sdk\/(?!util-arn-parser$)/,
  /^@smithy\//,
  /^aws-sdk$/,
  /^(node:)?(http|https|http2|net|tls|dgram|dns)$/,
  /^(undici|node-fetch|axios)$/,
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

describe('sagelint never calls AWS', () => {
  it.each(sourceFiles(SRC).map((file) => [relative(SRC, file), file]))('%s imports no SDK client and no network module', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (match) => match[1] ?? match[2] ?? '',
    );
    for (const specifier of specifiers) {
      expect(FORBIDDEN.some((pattern) => pattern.test(specifier)), `${specifier} in ${file}`).toBe(false);
    }
    expect(text).not.toMatch(/\bfetch\(/);
  });
});

/** Request files, templates and a CDK cloud assembly: every kind of input, each read and linted. */
const PATTERNS = ['fixtures/examples', 'fixtures/templates', 'fixtures/cdk/single-stack'];
/** What Node lists in `process.moduleLoadList` once anything could talk to a network: sockets, HTTP, TLS, DNS, fetch. */
const NETWORK_MODULE = /^NativeModule (net|tls|http|https|http2|dns|dgram|internal\/deps\/undici\/undici)$/;
const RECORD_ACCESS = pathToFileURL(join(ROOT, 'test', 'support', 'record-access.mjs')).href;
const unshareWorks = spawnSync('unshare', ['-n', 'true']).status === 0;
const UNSHARE_SKIP_REASON = '`unshare -n true` fails here: a network namespace needs root or unprivileged user namespaces';
if (!unshareWorks) console.warn(`[sagelint] skipping the network namespace test in test/offline.test.ts: ${UNSHARE_SKIP_REASON}`);

interface Access {
  /** Absolute paths of the files opened through `node:fs`. */
  opened: string[];
  /** Names of the environment variables read. */
  environment: string[];
  /** `process.moduleLoadList`. */
  modules: string[];
}

describe('a run of the CLI, at run time', () => {
  let workspace = '';
  // Built once for the suite by test/support/build.ts.
  const cli = join(ROOT, 'dist', 'cli.js');
  /** A home folder with AWS credentials and configuration, and the same again where AWS_* variables point. */
  let home = '';
  let awsFiles = '';
  let awsEnvironment: NodeJS.ProcessEnv = {};
  /** The report of a plain run, with only `PATH` set. */
  let baseline: ReturnType<typeof run>;

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'sagelint-offline-'));

    home = join(workspace, 'home');
    awsFiles = join(workspace, 'aws-files');
    for (const folder of [join(home, '.aws'), awsFiles]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'credentials'), '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
      writeFileSync(join(folder, 'config'), '[default]\nregion = eu-west-1\n[profile ci]\nregion = us-east-1\n');
    }
    awsEnvironment = {
      HOME: home,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_PROFILE: 'ci',
      AWS_CONFIG_FILE: join(awsFiles, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(awsFiles, 'credentials'),
    };
    baseline = run(process.execPath, [cli, ...PATTERNS]);
  }, 60_000);

  afterAll(() => {
    if (workspace !== '') rmSync(workspace, { recursive: true, force: true });
  });

  /** Runs a command in the repository with only `PATH` and `environment`; output goes to files, not pipes. */
  function run(command: string, args: readonly string[], environment: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
    const stdoutFile = join(workspace, 'stdout');
    const stderrFile = join(workspace, 'stderr');
    const stdout = openSync(stdoutFile, 'w');
    const stderr = openSync(stderrFile, 'w');
    try {
      const { status } = spawnSync(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...environment }, stdio: ['ignore', stdout, stderr] });
      return { status, stdout: readFileSync(stdoutFile, 'utf8'), stderr: readFileSync(stderrFile, 'utf8') };
    } finally {
      closeSync(stdout);
      closeSync(stderr);
    }
  }

  /** Runs `node --import record-access.mjs …args` and returns what it did besides its output. */
  function runRecorded(args: readonly string[], environment: NodeJS.ProcessEnv): ReturnType<typeof run> & { access: Access } {
    const log = join(workspace, 'access.json');
    // A pipe for stdout would make Node load `net` itself: `run` writes to files.
    const result = run(process.execPath, ['--import', RECORD_ACCESS, ...args], { ...environment, SAGELINT_ACCESS_LOG: log });
    return { ...result, access: JSON.parse(readFileSync(log, 'utf8')) as Access };
  }

  const awsOf = (access: Access) => ({
    files: access.opened.filter((path) => path.startsWith(home) || path.startsWith(awsFiles)),
    variables: access.environment.filter((name) => name.startsWith('AWS_')),
    networkModules: access.modules.filter((module) => NETWORK_MODULE.test(module)),
  });

  it('lints the fixtures with findings (the baseline for the runs below)', () => {
    expect(baseline.status).toBe(1);
    expect(baseline.stderr).toBe('');
    expect(baseline.stdout).toContain('fixtures/cdk/single-stack/cdk.out/BiasStack.template.json\n');
  });

  it.skipIf(!unshareWorks)(`gives the same report with no network at all (unshare -n)${unshareWorks ? '' : ` [skipped: ${UNSHARE_SKIP_REASON}]`}`, () => {
    expect(run('unshare', ['-n', process.execPath, cli, ...PATTERNS])).toEqual(baseline);
  });

  it('reads no AWS credentials or configuration and loads no network module, with all of them set up', () => {
    const { access, ...result } = runRecorded([cli, ...PATTERNS], awsEnvironment);
    expect(result).toEqual(baseline);
    // The recorder saw the run: the fixtures were opened and the colour variables read.
    expect(access.opened).toContain(join(ROOT, 'fixtures/examples/clean-request.json'));
    expect(access.opened).toContain(join(ROOT, 'fixtures/cdk/single-stack/cdk.out/BiasStack.template.json'));
    expect(access.environment).toContain('NO_COLOR');
    expect(awsOf(access)).toEqual({ files: [], variables: [], networkModules: [] });
  });

  it('would notice a credentials read and a network module (the recorder works)', () => {
    const script = "require('node:https'); require('node:fs').readFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE);";
    const { access } = runRecorded(['-e', script], awsEnvironment);
    expect(awsOf(access)).toEqual({
      files: [join(awsFiles, 'credentials')],
      variables: ['AWS_SHARED_CREDENTIALS_FILE'],
      networkModules: ['NativeModule net', 'NativeModule tls', 'NativeModule https'],
    });
  });
});
