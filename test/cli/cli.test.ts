/**
 * The CLI end to end (STYLE §6): `main(argv, io)` in-process on scenario folders under fixtures/cli/, checking
 * stdout, stderr and the exit code together; and once the built binary, as users run it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCENARIOS = join(ROOT, 'fixtures', 'cli');
const ESC = '\u001b[';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  env?: Record<string, string>;
  /** What standard input holds, for --stdin. */
  stdin?: string;
  isTTY?: boolean;
}

/** Runs the CLI in-process in a scenario folder (its cwd), with a fake terminal. */
async function run(scenario: string, argv: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: join(SCENARIOS, scenario),
    env: options.env ?? {},
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      ...(options.isTTY !== undefined && { isTTY: options.isTTY }),
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    readStdin: async () => options.stdin ?? '',
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
}

/** ESLint's JSON shape, as far as these tests read it. */
interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string;
    severity: 1 | 2;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fatal?: true;
  }[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
}

/** The findings of fixtures/cli/errors/request.yaml in the stylish format: its two deliberate errors (S3InputMode,
 * InstanceCount), and what a request without NetworkConfig and KMS keys lacks. */
const ERRORS_LINES = {
  isolation:
    "  2:1    error    The request has no NetworkConfig, so the job's containers can call the internet; add NetworkConfig and set EnableNetworkIsolation: true.                       require-network-isolation",
  vpc: '  2:1    warning  The request has no NetworkConfig.VpcConfig, so the job does not run in your VPC; add VpcConfig with the SecurityGroupIds and Subnets of the VPC to run it in.  require-vpc-config',
  mode: '  10:18  error    S3InputMode "FastFile" is not one of "File", "Pipe".                                                                                                           valid-enum-value',
  outputKey:
    '  13:1   warning  ModelBiasJobOutputConfig has no KmsKeyId: set it to a customer managed KMS key, so that the reports written to S3 are encrypted with a key you control.        require-output-kms-key',
  volumeKey:
    "  19:3   warning  ClusterConfig has no VolumeKmsKeyId: set it to a customer managed KMS key, so that the job's storage volume is encrypted with a key you control.               require-volume-kms-key",
  count: '  20:20  error    InstanceCount must be an integer, not the string "2".                                                                                                          valid-value-type',
};

const PARSE_ERROR_LINE =
  '  3:23  error  This flow mapping is not closed with "}" (a flow collection that goes on to the next lines must be indented more than its key).  parse-error';

describe('sagelint (in-process)', () => {
  it('exits 0 on a clean folder, with the summary alone', async () => {
    expect(await run('clean', [])).toEqual({
      code: 0,
      stdout: '\n✔ No problems (1 file linted, 1 definition, 0 files without one).\n',
      stderr: '',
    });
  });

  it('exits 1 on errors, listing them', async () => {
    expect(await run('errors', ['.'])).toEqual({
      code: 1,
      stdout: [
        '',
        'request.yaml',
        ERRORS_LINES.isolation,
        ERRORS_LINES.vpc,
        ERRORS_LINES.mode,
        ERRORS_LINES.outputKey,
        ERRORS_LINES.volumeKey,
        ERRORS_LINES.count,
        '',
        '✖ 6 problems (3 errors, 3 warnings); 1 file linted, 1 definition, 0 files without one.',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('exits 1 on a parse error beside a good file, and lints both', async () => {
    expect(await run('broken-beside-good', [])).toEqual({
      code: 1,
      stdout: [
        '',
        'broken.yaml',
        PARSE_ERROR_LINE,
        '',
        '✖ 1 problem (1 error, 0 warnings); 2 files linted, 1 definition, 0 files without one.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const json = await run('broken-beside-good', ['--format', 'json']);
    const results = JSON.parse(json.stdout) as JsonResult[];
    expect(results.map((result) => result.filePath)).toEqual([
      join(SCENARIOS, 'broken-beside-good', 'broken.yaml'),
      join(SCENARIOS, 'broken-beside-good', 'good.json'),
    ]);
    expect(results[0]?.messages).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', severity: 2, fatal: true, line: 3, column: 23 }),
    ]);
    expect(results[1]).toMatchObject({ messages: [], errorCount: 0, definitionCount: 1 });
  });

  it('exits 0 with warnings only', async () => {
    const result = await run('warnings-only', []);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      '  21:19  warning  InstanceType "ml.m9.xlarge" is of the family m9, which is not in the instance type list bundled with sagelint; it may be newer.  no-unknown-instance-family',
    );
    expect(result.stdout).toContain('✖ 1 problem (0 errors, 1 warning); 1 file linted, 1 definition, 0 files without one.');
  });

  it('exits 1 with --max-warnings 0 and says why on stderr', async () => {
    const result = await run('warnings-only', ['--max-warnings', '0']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('no-unknown-instance-family');
    expect(result.stderr).toBe('sagelint found too many warnings (maximum: 0).\n');
    expect((await run('warnings-only', ['--max-warnings', '1'])).code).toBe(0);
  });

  it('rejects a --max-warnings that is not a whole number (exit 2)', async () => {
    expect(await run('warnings-only', ['--max-warnings', '1.5'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sagelint: --max-warnings takes a whole number (or -1 for no limit).\n',
    });
  });

  it('hides warnings with --quiet', async () => {
    expect(await run('warnings-only', ['--quiet'])).toEqual({
      code: 0,
      stdout: '\n✔ No problems (1 file linted, 1 definition, 0 files without one).\n',
      stderr: '',
    });
    const errors = await run('errors', ['--quiet']);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toContain('valid-enum-value');
  });

  it('still counts hidden warnings towards --max-warnings with --quiet, as ESLint does', async () => {
    expect(await run('warnings-only', ['--quiet', '--max-warnings', '0'])).toEqual({
      code: 1,
      stdout: '\n✔ No problems (1 file linted, 1 definition, 0 files without one).\n',
      stderr: 'sagelint found too many warnings (maximum: 0).\n',
    });
  });

  it('is silent about folders without definitions (exit 0)', async () => {
    expect(await run('no-definitions', [])).toEqual({
      code: 0,
      stdout: '\n✔ No problems (6 files linted, 0 definitions, 6 files without one).\n',
      stderr: '',
    });
  });

  it('writes ESLint-shaped JSON with --format json', async () => {
    const result = await run('errors', ['--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as JsonResult[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      filePath: join(SCENARIOS, 'errors', 'request.yaml'),
      errorCount: 3,
      warningCount: 3,
      fatalErrorCount: 0,
    });
    expect(results[0]?.messages).toEqual([
      {
        ruleId: 'require-network-isolation',
        severity: 2,
        severityName: 'error',
        message: "The request has no NetworkConfig, so the job's containers can call the internet; add NetworkConfig and set EnableNetworkIsolation: true.",
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 36,
        pointer: '',
      },
      {
        ruleId: 'require-vpc-config',
        severity: 1,
        severityName: 'warning',
        message: 'The request has no NetworkConfig.VpcConfig, so the job does not run in your VPC; add VpcConfig with the SecurityGroupIds and Subnets of the VPC to run it in.',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 36,
        pointer: '',
      },
      {
        ruleId: 'valid-enum-value',
        severity: 2,
        severityName: 'error',
        message: 'S3InputMode "FastFile" is not one of "File", "Pipe".',
        line: 10,
        column: 18,
        endLine: 10,
        endColumn: 26,
        pointer: '/ModelBiasJobInput/EndpointInput/S3InputMode',
      },
      {
        ruleId: 'require-output-kms-key',
        severity: 1,
        severityName: 'warning',
        message: 'ModelBiasJobOutputConfig has no KmsKeyId: set it to a customer managed KMS key, so that the reports written to S3 are encrypted with a key you control.',
        line: 13,
        column: 1,
        endLine: 13,
        endColumn: 25,
        pointer: '/ModelBiasJobOutputConfig/KmsKeyId',
      },
      {
        ruleId: 'require-volume-kms-key',
        severity: 1,
        severityName: 'warning',
        message: "ClusterConfig has no VolumeKmsKeyId: set it to a customer managed KMS key, so that the job's storage volume is encrypted with a key you control.",
        line: 19,
        column: 3,
        endLine: 19,
        endColumn: 16,
        pointer: '/JobResources/ClusterConfig/VolumeKmsKeyId',
      },
      {
        ruleId: 'valid-value-type',
        severity: 2,
        severityName: 'error',
        message: 'InstanceCount must be an integer, not the string "2".',
        line: 20,
        column: 20,
        endLine: 20,
        endColumn: 23,
        pointer: '/JobResources/ClusterConfig/InstanceCount',
      },
    ]);
    const warnings = JSON.parse((await run('warnings-only', ['-f', 'json'])).stdout) as JsonResult[];
    expect(warnings[0]?.messages.map((message) => message.severity)).toEqual([1]);
    expect(warnings[0]?.warningCount).toBe(1);
  });

  describe('-o', () => {
    let outDir: string;
    beforeAll(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'sagelint-cli-'));
    });
    afterAll(async () => {
      await rm(outDir, { recursive: true, force: true });
    });

    it('writes the report to a file, nothing on stdout, the exit code unchanged', async () => {
      const file = join(outDir, 'reports', 'out.json');
      const result = await run('errors', ['-f', 'json', '-o', file]);
      expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
      const written = await readFile(file, 'utf8');
      expect(written.endsWith('\n')).toBe(true);
      expect((JSON.parse(written) as JsonResult[])[0]?.errorCount).toBe(3);
    });

    it('writes no colour into a file even with --color', async () => {
      const file = join(outDir, 'out.txt');
      expect(await run('errors', ['--color', '--output-file', file])).toEqual({ code: 1, stdout: '', stderr: '' });
      const written = await readFile(file, 'utf8');
      expect(written).toContain('valid-enum-value');
      expect(written).not.toContain(ESC);
    });
  });

  it('writes SARIF with paths from --sarif-root and automationDetails from --sarif-category', async () => {
    const result = await run('errors', ['--format', 'sarif', '--sarif-root', '..', '--sarif-category', 'bias']);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as {
      runs: { automationDetails?: { id: string }; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[];
    };
    const [run0] = log.runs;
    expect(run0?.automationDetails).toEqual({ id: 'bias/' });
    const uris = new Set(run0?.results.map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['errors/request.yaml']);
    const plain = JSON.parse((await run('errors', ['--format', 'sarif'])).stdout) as { runs: { automationDetails?: unknown }[] };
    expect(plain.runs[0]?.automationDetails).toBeUndefined();
  });

  it('exits 2 on an unknown format, with a clear message and no stack', async () => {
    const result = await run('clean', ['--format', 'sarif-ish']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sagelint: Invalid values:\n  Argument: format, Given: "sarif-ish", Choices: "stylish", "text", "json", "sarif", "github", "junit"\nRun "sagelint --help" for usage.\n',
    });
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown flag', async () => {
    expect(await run('clean', ['--fix'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sagelint: Unknown argument: fix\nRun "sagelint --help" for usage.\n',
    });
  });

  it('exits 2 on an unmatched pattern, and 0 with --no-error-on-unmatched-pattern', async () => {
    expect(await run('clean', ['request.yaml', 'monitors/*.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sagelint: No files matching the pattern "monitors/*.yaml" were found.\n',
    });
    expect(await run('clean', ['request.yaml', 'monitors/*.yaml', '--no-error-on-unmatched-pattern'])).toEqual({
      code: 0,
      stdout: '\n✔ No problems (1 file linted, 1 definition, 0 files without one).\n',
      stderr: '',
    });
  });

  it('prints help (exit 0)', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await run('clean', [flag]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.startsWith('sagelint [patterns..]\n')).toBe(true);
      for (const option of ['--format', '--output-file', '--quiet', '--max-warnings', '--error-on-unmatched-pattern', '--code-frame', '--color']) {
        expect(result.stdout).toContain(option);
      }
    }
  });

  it('prints the version it is given (exit 0)', async () => {
    expect(await run('clean', ['--version'])).toEqual({ code: 0, stdout: '0.0.0-test\n', stderr: '' });
  });

  describe('colour', () => {
    it('is off by default when stdout is not a terminal', async () => {
      const result = await run('errors', []);
      expect(result.stdout).not.toContain(ESC);
    });

    it('is on when stdout is a terminal', async () => {
      expect((await run('errors', [], { isTTY: true })).stdout).toContain(`${ESC}31merror`);
    });

    it('is on with FORCE_COLOR=1 or --color', async () => {
      const forced = await run('errors', [], { env: { FORCE_COLOR: '1' } });
      expect(forced.code).toBe(1);
      // The severity column is as wide as "warning", so "error" is padded inside its colour.
      expect(forced.stdout).toContain(`${ESC}31merror  ${ESC}0m`);
      expect(forced.stdout).toContain(`${ESC}33mwarning${ESC}0m`);
      expect(forced.stdout).toContain(`${ESC}4mrequest.yaml${ESC}0m`);
      const flag = await run('errors', ['--color']);
      expect(flag.stdout).toBe(forced.stdout);
    });

    it('is off with NO_COLOR=1 even on a terminal, and with --no-color', async () => {
      expect((await run('errors', [], { env: { NO_COLOR: '1' }, isTTY: true })).stdout).not.toContain(ESC);
      expect((await run('errors', ['--no-color'], { env: { FORCE_COLOR: '1' }, isTTY: true })).stdout).not.toContain(ESC);
    });

    it('leaves JSON output uncoloured', async () => {
      const result = await run('errors', ['-f', 'json', '--color']);
      expect(result.stdout).not.toContain(ESC);
    });
  });

  it('shows the source line and carets with --code-frame', async () => {
    const result = await run('errors', ['--code-frame']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      [
        ERRORS_LINES.mode,
        '    10 |     S3InputMode: FastFile',
        '       |                  ^^^^^^^^',
        ERRORS_LINES.outputKey,
        '    13 | ModelBiasJobOutputConfig:',
        '       | ^^^^^^^^^^^^^^^^^^^^^^^^',
        ERRORS_LINES.volumeKey,
        '    19 |   ClusterConfig:',
        '       |   ^^^^^^^^^^^^^',
        ERRORS_LINES.count,
        '    20 |     InstanceCount: "2"',
        '       |                    ^^^',
      ].join('\n'),
    );
  });
});

describe('the built binary (built by test/support/build.ts)', () => {
  it('lints fixtures/examples: exit 1, both files named with their findings', async () => {
    const child = await promisify(execFile)(process.execPath, ['dist/cli.js', 'fixtures/examples'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    expect(child.code).toBe(1);
    expect(child.stderr).toBe('');
    expect(child.stdout).toContain('fixtures/examples/broken-request.yaml\n');
    expect(child.stdout).toContain('ML.M5.XLARGE');
    expect(child.stdout).toContain('2 files linted, 2 definitions');
    expect(child.stdout).not.toContain(ESC);
  }, 30_000);
});
