/**
 * Plugins end to end: the example plugin (fixtures/plugins/sagelint-plugin-acme) installed in a project's
 * node_modules beside sagelint, as a third-party package is, and loaded by name from a configuration file; plugin
 * files given by path; and every way a plugin can fail.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { calculateConfigForFile, definePlugin, defineRule, lint, SagelintError, type LintResult } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE_PLUGIN = join(ROOT, 'fixtures', 'plugins', 'sagelint-plugin-acme');

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ChurnBias:
    Type: AWS::SageMaker::ModelBiasJobDefinition
    Properties:
      JobDefinitionName: churn-bias
      Tags:
        - Key: cost-center
          Value: cc 1234
`;

const REQUEST = `{
  "JobDefinitionName": "acme-churn",
  "ModelBiasJobInput": {},
  "Tags": [{ "Key": "cost-center", "Value": "CC-12" }]
}
`;

let project: string;

/** A project folder with sagelint and the plugin in node_modules, its configuration, and files to lint. */
function createProject(): string {
  const directory = mkdtempSync(join(tmpdir(), 'sagelint-plugins-'));
  mkdirSync(join(directory, 'node_modules'));
  symlinkSync(ROOT, join(directory, 'node_modules', 'sagelint'), 'dir');
  // Copied, not linked: Node resolves a linked package's imports from where it really lives.
  cpSync(EXAMPLE_PLUGIN, join(directory, 'node_modules', 'sagelint-plugin-acme'), { recursive: true });
  mkdirSync(join(directory, 'monitors'));
  writeFileSync(join(directory, 'monitors', 'churn.yaml'), TEMPLATE);
  writeFileSync(join(directory, 'monitors', 'request.json'), REQUEST);
  writeFileSync(
    join(directory, 'sagelint.config.yaml'),
    'plugins: [sagelint-plugin-acme]\nrules:\n  acme/job-name-prefix: [error, { prefix: acme- }]\n',
  );
  return directory;
}

beforeAll(() => {
  project = createProject();
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

/** The plugin's findings, as `file:line:column rule message`. */
function pluginFindings(results: readonly LintResult[]): string[] {
  return results.flatMap((result) =>
    result.findings
      .filter((finding) => finding.ruleId.includes('/') || finding.ruleId === 'internal-error')
      .map((finding) => `${result.filePath.slice(project.length + 1)}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`),
  );
}

const EXPECTED = [
  'monitors/churn.yaml:6:26 error acme/job-name-prefix JobDefinitionName "churn-bias" does not start with "acme-".',
  'monitors/churn.yaml:9:18 error acme/cost-center-tag-format The cost-center tag is "cc 1234"; write it as CC-[0-9]{4}, as finance books it.',
  'monitors/request.json:4:45 error acme/cost-center-tag-format The cost-center tag is "CC-12"; write it as CC-[0-9]{4}, as finance books it.',
];

describe('the example plugin, installed as a package', () => {
  it('runs through the public API: rules set by the configuration, ids prefixed with the plugin name', async () => {
    expect(pluginFindings(await lint(['monitors'], { cwd: project }))).toEqual(EXPECTED);
  });

  it('runs in the built binary, resolved by Node from node_modules as any package', async () => {
    const child = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'monitors', '--format', 'json'], { cwd: project }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(child.code).toBe(1);
    const results = (JSON.parse(child.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; severity: number; message: string }[] }[]).map(
      (result) => ({
        filePath: result.filePath,
        findings: result.messages.map((message) => ({ ...message, severity: message.severity === 2 ? 'error' : 'warning' })),
      }),
    );
    expect(pluginFindings(results as unknown as LintResult[])).toEqual(EXPECTED);
  }, 30_000);

  it('is listed by --print-config, with its rules at their resolved settings', async () => {
    const config = await calculateConfigForFile('monitors/churn.yaml', { cwd: project });
    expect(config.plugins).toEqual([{ name: 'acme', version: '1.2.0', specifier: 'sagelint-plugin-acme' }]);
    expect(config.settings['acme/job-name-prefix']).toEqual(['error', { prefix: 'acme-' }]);
    expect(config.settings['acme/cost-center-tag-format']).toEqual(['error']);
    const printed = await runCli(project, ['--print-config', 'monitors/churn.yaml']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ plugins: [{ name: 'acme', specifier: 'sagelint-plugin-acme' }] });
  });

  it('layers: a plugin rule off in the configuration, back on by a flag, suppressed in the file', async () => {
    const directory = join(project, 'layers');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'sagelint.config.yaml'), 'plugins: [sagelint-plugin-acme]\nrules:\n  acme/cost-center-tag-format: off\n');
    writeFileSync(
      join(directory, 'two.yaml'),
      TEMPLATE.replace('JobDefinitionName: churn-bias', 'JobDefinitionName: acme-churn').replace(
        '      Tags:\n',
        '      Tags:\n        - Key: cost-center\n          # sagelint-disable-next-line acme/cost-center-tag-format -- booked by hand until Q3\n          Value: finance\n',
      ),
    );
    const off = await lint(['layers'], { cwd: project });
    expect(pluginFindings(off)).toEqual([]);
    // A directive may name a plugin rule that is off: it is a rule, not a typo.
    expect(off.flatMap((result) => result.findings).filter((finding) => finding.ruleId.startsWith('suppression-'))).toEqual([]);
    const flagged = await lint(['layers'], { cwd: project, rules: { 'acme/cost-center-tag-format': 'warning' } });
    expect(pluginFindings(flagged)).toEqual([
      'layers/two.yaml:12:18 warning acme/cost-center-tag-format The cost-center tag is "cc 1234"; write it as CC-[0-9]{4}, as finance books it.',
    ]);
    expect(flagged.find((result) => result.filePath.endsWith('two.yaml'))?.suppressedFindings?.map((finding) => [finding.ruleId, finding.line, finding.suppressions])).toEqual([
      ['acme/cost-center-tag-format', 10, [{ kind: 'inSource', justification: 'booked by hand until Q3' }]],
    ]);
  });
});

describe('plugins given by path', () => {
  it('loads a plugin file named by --plugin, relative to the working folder', async () => {
    const directory = join(project, 'by-path');
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      join(directory, 'no-churn.mjs'),
      `export default {
  meta: { name: 'no-churn' },
  rules: [{
    id: 'no-churn-name', title: 'No churn', description: 'No churn in names.', severity: 'warning', appliesTo: ['api-request'],
    docs: { rationale: 'Churn is a banned word here.' },
    check(context) { if (String(context.valueAt('/JobDefinitionName')).includes('churn')) context.report({ at: '/JobDefinitionName', message: 'Churn.' }); },
  }],
};
`,
    );
    writeFileSync(join(directory, 'request.json'), REQUEST);
    const run = await runCli(directory, ['request.json', '--no-config-lookup', '--plugin', './no-churn.mjs', '--format', 'json']);
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[];
    expect(result?.messages.filter((message) => message.ruleId === 'no-churn/no-churn-name')).toEqual([
      expect.objectContaining({ line: 2, column: 24, message: 'Churn.' }),
    ]);
  });
});

describe('a plugin that fails', () => {
  /** A folder with a configuration that loads `plugin.mjs` (written with `source`) and one request file. */
  function withPlugin(name: string, source: string, rules = ''): string {
    const directory = join(project, name);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'plugin.mjs'), source);
    writeFileSync(join(directory, 'sagelint.config.yaml'), `plugins: [./plugin.mjs]\n${rules}`);
    writeFileSync(join(directory, 'request.json'), REQUEST);
    return directory;
  }

  it('to be found is a usage error naming the configuration and the plugin (exit 2, no stack)', async () => {
    const directory = join(project, 'missing');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'sagelint.config.yaml'), 'plugins: [sagelint-plugin-nowhere]\n');
    writeFileSync(join(directory, 'request.json'), REQUEST);
    const run = await runCli(directory, ['.']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^sagelint: ${join(directory, 'sagelint.config.yaml')}: cannot load the plugin "sagelint-plugin-nowhere": it cannot be found \\(.+\\)\\.\\n$`),
    );
  });

  it('on import is a usage error with the error it threw', async () => {
    const directory = withPlugin('throws-on-import', "throw new Error('no licence key');\n");
    const run = await runCli(directory, ['.']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `sagelint: ${join(directory, 'sagelint.config.yaml')}: cannot load the plugin "./plugin.mjs": importing it threw: no licence key\n`,
    });
  });

  it.each([
    ['no default export', 'export const rules = [];\n', 'its default export is not a plugin ({ meta: { name }, rules: [...] }).'],
    ['no rules', "export default { meta: { name: 'empty' }, rules: [] };\n", 'rules must be a non-empty array of rules written with defineRule.'],
    [
      'a prefixed rule id',
      "export default { meta: { name: 'x' }, rules: [{ id: 'x/y', check() {} }] };\n",
      'rules[0] ("x/y"): id must be kebab-case, without the plugin\'s prefix.',
    ],
    ['a bad name', "export default { meta: { name: 'Acme Rules' }, rules: [] };\n", 'meta.name must be a package-like name (lower case, digits, "-", "_", "."; optionally @scope/).'],
  ])('with %s is a usage error saying what is wrong', async (_case, source, reason) => {
    const directory = withPlugin(`bad-${_case.replace(/\W+/g, '-')}`, source);
    const run = await runCli(directory, ['.']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `sagelint: ${join(directory, 'sagelint.config.yaml')}: cannot load the plugin "./plugin.mjs": ${reason}\n` });
  });

  it('is a usage error when the configuration sets a plugin rule that does not exist, or with bad options', async () => {
    await expect(lint(['.'], { cwd: withPlugin('unknown-rule', `export { default } from '${join(EXAMPLE_PLUGIN, 'index.js')}';\n`, 'rules:\n  acme/no-such-rule: error\n') })).rejects.toThrow(
      /sagelint\.config\.yaml: There is no rule "acme\/no-such-rule"/,
    );
    await expect(
      lint(['.'], { cwd: withPlugin('bad-options', `export { default } from '${join(EXAMPLE_PLUGIN, 'index.js')}';\n`, 'rules:\n  acme/job-name-prefix: [error, { prefix: 3 }]\n') }),
    ).rejects.toThrow(/Rule "acme\/job-name-prefix" has invalid options: \/prefix must be string/);
  });

  it('when a rule throws: an internal-error finding naming the plugin and the rule, other files still linted, exit 2', async () => {
    const thrower = definePlugin({
      meta: { name: 'sagelint-plugin-flaky' },
      rules: [
        defineRule({
          id: 'explode',
          title: 'Explode',
          description: 'Throws on templates.',
          severity: 'error',
          appliesTo: ['cfn-resource'],
          docs: { rationale: 'A test of failure.' },
          check() {
            throw new TypeError('cannot read properties of undefined');
          },
        }),
      ],
    });
    const results = await lint(['monitors'], { cwd: project, plugins: [thrower] });
    expect(pluginFindings(results)).toEqual([
      'monitors/churn.yaml:3:3 error internal-error Rule "flaky/explode" of the plugin "flaky" failed: cannot read properties of undefined',
      ...EXPECTED,
    ]);
    const directory = withPlugin(
      'rule-throws',
      `export default { meta: { name: 'flaky' }, rules: [{ id: 'explode', title: 'Explode', description: 'Throws.', severity: 'error',
  appliesTo: ['api-request'], docs: { rationale: 'A test.' }, check() { throw new Error('boom'); } }] };\n`,
    );
    writeFileSync(join(directory, 'broken.json'), '{ "ModelBiasJobInput": ');
    const run = await runCli(directory, ['.']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/request\.json\n {2}1:1 {2}error {4}Rule "flaky\/explode" of the plugin "flaky" failed: boom +internal-error\n/);
    expect(run.stdout).toContain('broken.json');
    expect(run.stderr).toBe('sagelint: 1 internal error(s); please report them with the file that caused them.\n');
  });

  it('given as an object that is not a plugin, through the API, is a SagelintError', async () => {
    await expect(lint(['monitors'], { cwd: project, plugins: [{ meta: { name: 'x' }, rules: [] }] })).rejects.toBeInstanceOf(SagelintError);
  });

  it.each([['RoleArn'], ['/Tags/~2']])('with a rule that reads %s, not a JSON Pointer, is a SagelintError saying so', async (read) => {
    const rule = defineRule({
      id: 'reads-badly',
      title: 'Read badly',
      description: 'Declares what it reads wrongly.',
      severity: 'error',
      appliesTo: ['api-request'],
      docs: { rationale: 'A test of failure.' },
      reads: [read],
      check() {},
    });
    await expect(lint(['monitors'], { cwd: project, plugins: [{ meta: { name: 'x' }, rules: [rule] }] })).rejects.toThrow(
      'rules[0] ("reads-badly"): reads must list JSON Pointers, such as "/RoleArn" or "/JobResources/ClusterConfig".',
    );
  });
});
