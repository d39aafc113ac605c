/**
 * Configuration layers end to end: rule defaults → sagelint.config.* (found from each file upward, or --config)
 * → its overrides → CLI flags, with ignores, a default region, and bad configurations refused before linting.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { renderConfigSchema, renderSettingsValidators, CONFIG_SCHEMA_FILE, SETTINGS_VALIDATORS_FILE } from '../../scripts/generate-rules-doc.js';
import { runCli } from '../support/run-cli.js';
import { calculateConfigForFile, lint } from '../../src/index.js';
import { CONFIG_SCHEMA } from '../../src/config/config-schema.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CONFIG = join(ROOT, 'fixtures', 'config');
const PROJECT = join(CONFIG, 'project');

const run = runCli;

/** `file: rule-id severity` for every finding, in order. */
async function findingsOf(patterns: string[], options: Parameters<typeof lint>[1] = {}): Promise<string[]> {
  const results = await lint(patterns, { cwd: PROJECT, ...options });
  return results.flatMap((result) =>
    result.findings.map((finding) => `${result.filePath.slice(PROJECT.length + 1)}: ${finding.ruleId} ${finding.severity}`),
  );
}

describe('a configuration file', () => {
  it('turns rules off, sets options, overrides by glob, ignores files', async () => {
    expect(await findingsOf(['.'])).toEqual([
      // The override makes the missing isolation a warning in legacy/ only; require-vpc-config is off everywhere.
      'legacy/old.yaml: require-network-isolation warning',
      'legacy/old.yaml: require-tag-keys error',
      'monitors/job.yaml: require-tag-keys error',
      // generated/ is ignored: its bad name is never reported.
    ]);
  });

  it('is overridden by the API and CLI rule settings, which keep the configured options', async () => {
    expect(await findingsOf(['monitors'], { rules: { 'require-tag-keys': 'warning', 'require-vpc-config': 'error' } })).toEqual([
      'monitors/job.yaml: require-vpc-config error',
      'monitors/job.yaml: require-tag-keys warning',
    ]);
    const result = await run(PROJECT, ['monitors', '--rule', 'require-tag-keys: off', '--rule', 'require-vpc-config: [warning]']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('require-vpc-config');
    expect(result.stdout).not.toContain('require-tag-keys');
  });

  it('is not used with --no-config-lookup, and --config names one for every file', async () => {
    const none = await findingsOf(['monitors'], { configLookup: false });
    expect(none).toContain('monitors/job.yaml: require-vpc-config warning');
    expect(none.some((line) => line.includes('require-tag-keys'))).toBe(false);
    const named = await findingsOf([join(CONFIG, 'bad-rule', 'request.yaml')], { config: join(PROJECT, 'sagelint.config.yaml') });
    expect(named.some((line) => line.endsWith('require-tag-keys error'))).toBe(true);
  });

  it('skips files that --ignore-pattern names', async () => {
    expect(await findingsOf(['.'], { ignorePatterns: ['legacy/**'] })).toEqual(['monitors/job.yaml: require-tag-keys error']);
  });

  it('gives its region to the templates it covers', async () => {
    const config = await calculateConfigForFile('monitors/job.yaml', { cwd: PROJECT });
    expect(config).toMatchObject({ configFile: join(PROJECT, 'sagelint.config.yaml'), ignored: false, region: 'us-east-1' });
    expect(config.settings['require-tag-keys']).toEqual(['error', { keys: ['team', 'cost-center'] }]);
    expect((await calculateConfigForFile('monitors/job.yaml', { cwd: PROJECT, region: 'eu-west-1' })).region).toBe('eu-west-1');
  });

  it.each([
    ['bad-unknown-key', 'sagelint.config.yaml: the top level must NOT have additional properties: unknown key "rule".'],
    ['bad-rule', 'sagelint.config.json: There is no rule "no-such-rule". The rules are listed in rules.md.'],
    ['bad-option', 'sagelint.config.yaml: Rule "require-tag-keys" has invalid options: /keys must be array.'],
  ])('in %s is a usage error naming the file and the key, before any file is linted', async (folder, message) => {
    expect(await run(join(CONFIG, folder), ['.'])).toEqual({ code: 2, stdout: '', stderr: `sagelint: ${join(CONFIG, folder, message)}\n` });
  });

  it('is the published schema, shipped in the package', () => {
    expect(readFileSync(CONFIG_SCHEMA_FILE, 'utf8'), 'run `npm run docs`').toBe(renderConfigSchema());
  });

  it('is checked by validators compiled from it and from the built-in rules\' option schemas, kept current', () => {
    expect(readFileSync(SETTINGS_VALIDATORS_FILE, 'utf8'), 'run `npm run docs`').toBe(renderSettingsValidators());
  });

  it('is a valid JSON Schema (sagelint compiles it without checking)', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(CONFIG_SCHEMA), JSON.stringify(ajv.errors)).toBe(true);
  });
});

describe('the CLI', () => {
  it('prints the configuration of one file with --print-config, and lints nothing', async () => {
    const result = await run(PROJECT, ['--print-config', 'legacy/old.yaml']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { ignored: boolean; settings: Record<string, unknown>; region: string };
    expect(printed.settings['require-network-isolation']).toEqual(['warning']);
    expect(printed.settings['require-vpc-config']).toEqual(['off']);
    expect(printed.region).toBe('us-east-1');
    expect(JSON.parse((await run(PROJECT, ['--print-config', 'generated/skip.yaml'])).stdout)).toMatchObject({ ignored: true });
  });

  it('lints standard input as the file --stdin-filename names, with that file\'s configuration', async () => {
    const text = readFileSync(join(PROJECT, 'monitors', 'job.yaml'), 'utf8');
    const result = await run(PROJECT, ['--stdin', '--stdin-filename', 'monitors/from-editor.yaml'], text);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('monitors/from-editor.yaml');
    expect(result.stdout).toContain('require-tag-keys');
  });

  it('takes one value per --rule, so the patterns after it stay patterns', async () => {
    const run1 = await run(PROJECT, ['--rule', 'require-tag-keys: off', '--ignore-pattern', 'legacy/**', 'monitors/job.yaml', '--format', 'json']);
    const results = JSON.parse(run1.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((result) => result.filePath.slice(PROJECT.length + 1))).toEqual(['monitors/job.yaml']);
    expect(results[0]?.messages.map((message) => message.ruleId)).not.toContain('require-tag-keys');
  });

  it('refuses a --rule without a severity as a usage error, never a crash', async () => {
    expect(await run(PROJECT, ['.', '--rule', 'require-vpc-config'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sagelint: Rule "require-vpc-config": the severity must be one of error, warning, info, off.\n',
    });
  });

  it('refuses a --rule it cannot read, or for a rule that does not exist', async () => {
    expect((await run(PROJECT, ['.', '--rule', 'nonsense'])).code).toBe(2);
    expect(await run(PROJECT, ['.', '--rule', 'no-such-rule: error'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sagelint: There is no rule "no-such-rule". The rules are listed in rules.md.\n',
    });
  });

  it('reads configuration files and rule options in the built binary too (built by test/support/build.ts)', async () => {
    const child = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli.js'), '.', '--rule', 'require-tag-keys: [warning, {keys: [owner]}]'], {
      cwd: PROJECT,
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(child.stdout).toContain('required tag key "owner"');
    expect(child.stdout).toContain('require-network-isolation');
    expect(child.code).toBe(0);
  }, 120_000);
});

describe('in-file suppressions through the CLI and the configuration', () => {
  const SUPPRESSIONS = join(ROOT, 'fixtures', 'suppressions');
  const summary = (stdout: string): string => stdout.trim().split('\n').at(-1) ?? '';

  it('are honoured by default, ignored with --no-inline-config, and reported unused on request', async () => {
    const honoured = summary((await run(SUPPRESSIONS, ['.'])).stdout);
    const ignored = summary((await run(SUPPRESSIONS, ['.', '--no-inline-config'])).stdout);
    const unused = await run(SUPPRESSIONS, ['.', '--report-unused-disable-directives']);
    expect(honoured).toMatch(/^✖ 8 problems/);
    expect(ignored).toMatch(/^✖ 15 problems/);
    expect(summary(unused.stdout)).toMatch(/^✖ 10 problems/);
    expect(unused.stdout).toContain('unused-suppression');
  });

  it('keep suppressed findings in JSON output, with their justification', async () => {
    const results = JSON.parse((await run(SUPPRESSIONS, ['.', '--format', 'json'])).stdout) as {
      suppressedMessages: { ruleId: string; suppressions: { kind: string; justification: string }[] }[];
    }[];
    const suppressed = results.flatMap((result) => result.suppressedMessages);
    // 15 findings without suppressions: 11 suppressed, and 4 about the directives themselves appear (8 shown).
    expect(suppressed.length).toBe(11);
    expect(suppressed.every((message) => message.suppressions.length > 0)).toBe(true);
  });
});

describe('suppressions in the configuration, for JSON request files', () => {
  const FOLDER = join(ROOT, 'fixtures', 'config', 'json-suppressions');

  it('suppress a rule at and under a JSON pointer in the files the override names, keeping the reason', async () => {
    const [result] = (await lint(['monitors'], { cwd: FOLDER })).filter((entry) => entry.definitionCount > 0);
    // The volume key is not covered by the suppression, which names only the output configuration.
    expect(result?.findings.map((finding) => finding.ruleId)).toEqual(['require-volume-kms-key']);
    expect(result?.suppressedFindings?.map((finding) => [finding.ruleId, finding.pointer, finding.suppressions])).toEqual([
      [
        'require-output-kms-key',
        // Reported at the missing member, under the suppression's pointer.
        '/ModelBiasJobOutputConfig/KmsKeyId',
        [{ kind: 'external', justification: 'the reports bucket enforces SSE-KMS with its own default key' }],
      ],
    ]);
  });

  it('are reported when they suppress nothing in a file, at the value they name, when asked', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sagelint-external-'));
    try {
      cpSync(FOLDER, folder, { recursive: true });
      writeFileSync(
        join(folder, 'sagelint.config.yaml'),
        `${readFileSync(join(FOLDER, 'sagelint.config.yaml'), 'utf8')}      - rule: valid-s3-uri\n        pointer: /ModelBiasJobInput/GroundTruthS3Input\n        reason: the bucket is made by another stack\n`,
      );
      const [quiet] = (await lint(['monitors'], { cwd: folder })).filter((entry) => entry.definitionCount > 0);
      expect(quiet?.findings.map((finding) => finding.ruleId)).toEqual(['require-volume-kms-key']);
      const [asked] = (await lint(['monitors'], { cwd: folder, reportUnusedDirectives: 'error' })).filter((entry) => entry.definitionCount > 0);
      expect(asked?.findings.filter((finding) => finding.ruleId === 'unused-suppression')).toEqual([
        {
          ruleId: 'unused-suppression',
          severity: 'error',
          message:
            'The configuration\'s suppression of "valid-s3-uri" at /ModelBiasJobInput/GroundTruthS3Input suppresses no finding in this file: remove it, or narrow the files it applies to.',
          line: 26,
          column: 5,
          endLine: 26,
          endColumn: 25,
          pointer: '/ModelBiasJobInput/GroundTruthS3Input',
        },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('apply even with --no-inline-config, which is about comments in the files', async () => {
    const [result] = (await lint(['monitors'], { cwd: FOLDER, inlineConfig: false })).filter((entry) => entry.definitionCount > 0);
    expect(result?.suppressedFindings).toHaveLength(1);
  });
});

describe('a whole run', () => {
  /** A monorepo: the root turns a rule off, one package turns a policy rule on, another turns a rule down. */
  function monorepo(): string {
    const root = mkdtempSync(join(tmpdir(), 'sagelint-monorepo-'));
    const request = readFileSync(join(ROOT, 'fixtures', 'examples', 'clean-request.json'), 'utf8');
    for (const [name, config] of [
      ['payments', 'rules:\n  require-tag-keys: [warning, { keys: [team, cost-center] }]\n'],
      ['search', 'rules:\n  require-vpc-config: info\n  require-network-isolation: off\n'],
    ] as const) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'sagelint.config.yaml'), config);
      writeFileSync(join(root, name, 'request.json'), request);
    }
    writeFileSync(join(root, 'sagelint.config.yaml'), 'maxWarnings: 0\nrules:\n  require-network-isolation: off\n');
    return root;
  }

  it("lists in SARIF every rule some file's configuration ran, at the first severity it ran at", async () => {
    const root = monorepo();
    try {
      const { stdout } = await run(root, ['payments', 'search', '--format', 'sarif', '--sarif-root', '.']);
      const ids = (JSON.parse(stdout) as { runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } } }[] }).runs[0]?.tool.driver.rules.map(
        (rule) => [rule.id, rule.defaultConfiguration.level],
      );
      // require-tag-keys runs only in payments, require-network-isolation only in payments (search turns it off).
      expect(ids).toContainEqual(['require-tag-keys', 'warning']);
      expect(ids).toContainEqual(['require-network-isolation', 'error']);
      expect(ids).toContainEqual(['require-vpc-config', 'warning']);
      expect(ids).not.toContainEqual(['no-unapproved-instance-type', 'error']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("takes maxWarnings from the working folder's configuration, under --max-warnings", async () => {
    const root = monorepo();
    try {
      const limited = await run(root, ['payments']);
      expect(limited.code).toBe(1);
      expect(limited.stderr).toBe('sagelint found too many warnings (maximum: 0).\n');
      expect((await run(root, ['payments', '--max-warnings', '-1'])).code).toBe(0);
      expect((await run(join(root, 'payments'), ['.'])).code).toBe(0);
      writeFileSync(join(root, 'sagelint.config.yaml'), 'maxWarnings: -2\n');
      expect((await run(root, ['payments'])).stderr).toMatch(/sagelint\.config\.yaml: maxWarnings must be >= -1\.\n$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the file size limit', () => {
  it('comes from the configuration, under --max-file-size', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sagelint-size-'));
    try {
      writeFileSync(join(root, 'sagelint.config.yaml'), 'maxFileSize: 100\n');
      const request = readFileSync(join(ROOT, 'fixtures', 'examples', 'clean-request.json'), 'utf8');
      writeFileSync(join(root, 'request.json'), request);
      const limited = await run(root, ['request.json', '--format', 'json']);
      const [result] = JSON.parse(limited.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[];
      expect(result?.messages).toEqual([
        expect.objectContaining({
          ruleId: 'read-error',
          line: 1,
          column: 1,
          message: `The file is ${Buffer.byteLength(request)} bytes, over the size limit of 100 bytes (maxFileSize).`,
        }),
      ]);
      expect(limited.code).toBe(1);
      expect((await run(root, ['request.json', '--max-file-size', '100000'])).code).toBe(0);
      expect((await run(root, ['request.json', '--max-file-size', '0'])).stderr).toBe('sagelint: --max-file-size takes a whole number of bytes.\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
