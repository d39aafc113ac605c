/**
 * SARIF: valid against the official 2.1.0 schema, and within what GitHub code scanning asks beyond it
 * (shared/reference/sarif-and-precommit.md §1–2). Compared with a checked-in file free of versions and machine paths.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log, ReportingDescriptor } from 'sarif';
import { describe, expect, it } from 'vitest';
import { INFORMATION_URI, sarif, SECURITY_SEVERITY } from '../../src/formatters/sarif.js';
import { lintRun } from '../../src/lint.js';
import { fixedResult, PATTERN_FINDING } from '../support/fixed-results.js';
import { lint, resolveRuleSettings, rules as builtinRules, type EnabledRule, type FormatterContext, type LintResult, type RuleSetting, type Severity } from '../../src/index.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// unicodeRegExp: false, since the 2020 schema's `language` pattern is not valid with the u flag (fixed in the 2023 errata).
const ajv = new AjvDraft04.default({ allErrors: true, strict: true, strictRequired: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile<Log>(schema);

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function enabled(id: string, severity: Severity): EnabledRule {
  const rule = builtinRules.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`No rule ${id}.`);
  return { rule, severity, options: rule.options?.defaults ?? {} };
}

/** The rules the fixed results ran with: `no-gpu-instance-type` found nothing, yet is listed. */
const RULES: EnabledRule[] = [
  enabled('no-gpu-instance-type', 'warning'),
  enabled('require-network-isolation', 'error'),
  enabled('require-tag-keys', 'info'),
  enabled('require-vpc-config', 'warning'),
  enabled('valid-string-pattern', 'error'),
];

const CONTEXT: FormatterContext = { cwd: '/project', color: false, codeFrame: false, rules: RULES, toolVersion: '0.0.0-test' };

const result = (filePath: string, findings: LintResult['findings'], definitionCount = 1): LintResult =>
  fixedResult(filePath, findings, { definitionCount });

/** Fixed results, in the engine's order: an info finding, a fatal parse error, clean files, a path with a space. */
const RESULTS: LintResult[] = [
  fixedResult('/project/monitors/a.yaml', [
    PATTERN_FINDING,
    {
      ruleId: 'require-vpc-config',
      severity: 'warning',
      message: 'NetworkConfig has no VpcConfig.',
      line: 10,
      column: 3,
      endLine: 10,
      endColumn: 16,
      pointer: '/NetworkConfig',
    },
    {
      ruleId: 'require-network-isolation',
      severity: 'error',
      message: 'EnableNetworkIsolation is false; expected true.',
      line: 11,
      column: 29,
      endLine: 11,
      endColumn: 34,
      pointer: '/NetworkConfig/EnableNetworkIsolation',
    },
    {
      ruleId: 'require-tag-keys',
      severity: 'info',
      message: 'Tags has no key "owner".',
      line: 13,
      column: 5,
      endLine: 14,
      endColumn: 23,
      pointer: '/Tags',
    },
  ], { suppressedFindings: [
    // A suppressed finding: a result with `suppressions`, in the file's order among the others.
    {
      ruleId: 'valid-string-pattern',
      severity: 'error',
      message: 'EndpointName "churn_endpoint" does not match the pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$.',
      line: 6,
      column: 19,
      endLine: 6,
      endColumn: 33,
      pointer: '/ModelBiasJobInput/EndpointInput/EndpointName',
      suppressions: [{ kind: 'inSource', justification: 'the endpoint predates the naming policy' }],
    },
  ] }),
  result(
    '/project/monitors/broken.json',
    [{ ruleId: 'parse-error', severity: 'error', message: 'Unexpected trailing comma.', line: 2, column: 26, endLine: 2, endColumn: 27, fatal: true }],
    0,
  ),
  result('/project/monitors/clean.json', []),
  result('/project/monitors/prod eu/bias #1.yaml', [
    {
      ruleId: 'require-network-isolation',
      severity: 'error',
      message: 'NetworkConfig has no EnableNetworkIsolation; expected true.',
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 16,
      pointer: '/NetworkConfig',
    },
  ]),
  result('/project/package.json', [], 0),
];

function parse(output: string): Log {
  return JSON.parse(output) as Log;
}

function expectValid(output: string): void {
  const valid = validateSarif(parse(output));
  expect(valid, ajv.errorsText(validateSarif.errors, { separator: '\n' })).toBe(true);
}

const LEVELS = new Set(['error', 'warning', 'note']);

/** What GitHub code scanning asks beyond the schema (recipe §1), as a list of problems: none is the pass. */
function gitHubProblems(log: Log, options: { category?: string } = {}): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  check(log.version === '2.1.0' && typeof log.$schema === 'string', 'log: $schema and version 2.1.0');
  check(log.runs.length === 1, 'log: one run');
  for (const run of log.runs) {
    const driver = run.tool.driver;
    check(driver.name === 'sagelint' && Boolean(driver.semanticVersion) && Boolean(driver.informationUri), 'driver: name, semanticVersion, informationUri');
    check(run.columnKind === 'utf16CodeUnits', 'run: columnKind utf16CodeUnits');
    check(Array.isArray(run.results), 'run: results present');
    check('partialFingerprints' in run === false, 'run: no partialFingerprints');
    if (options.category === undefined) check(run.automationDetails === undefined, 'run: no automationDetails without a category');
    else check(run.automationDetails?.id === `${options.category}/`, 'run: automationDetails.id is category/');
    const rules: ReportingDescriptor[] = driver.rules ?? [];
    const extensions = run.tool.extensions ?? [];
    const everyRule = [...rules, ...extensions.flatMap((extension) => extension.rules ?? [])];
    check(rules.length <= 25_000, 'driver: at most 25,000 rules');
    check(new Set(everyRule.map((rule) => rule.id)).size === everyRule.length, 'tool: rule ids unique');
    for (const extension of extensions) check(Boolean(extension.name) && (extension.rules ?? []).length > 0, `extension ${extension.name}: name and rules`);
    for (const rule of everyRule) {
      const where = `rule ${rule.id}`;
      const short = rule.shortDescription?.text ?? '';
      const full = rule.fullDescription?.text ?? '';
      check(short.length > 0 && short.length <= 1024, `${where}: shortDescription 1–1024 characters`);
      check(full.length > 0 && full.length <= 1024, `${where}: fullDescription 1–1024 characters`);
      check(Boolean(rule.help?.text) && Boolean(rule.help?.markdown), `${where}: help text and markdown`);
      check(rule.helpUri !== undefined && (rule.help?.markdown ?? '').includes(rule.helpUri), `${where}: help links to helpUri`);
      check(rule.name === undefined || (rule.name.length > 0 && rule.name.length <= 255), `${where}: name ≤ 255 characters`);
      check(LEVELS.has(rule.defaultConfiguration?.level ?? ''), `${where}: defaultConfiguration.level`);
      const properties = (rule.properties ?? {}) as Record<string, unknown>;
      const tags = Array.isArray(properties.tags) ? (properties.tags as unknown[]) : [];
      check(tags.length > 0 && tags.length <= 10 && tags.every((tag) => typeof tag === 'string'), `${where}: 1–10 tags`);
      check(['very-high', 'high', 'medium', 'low'].includes(String(properties.precision)), `${where}: precision`);
      const securitySeverity = properties['security-severity'];
      if (tags.includes('security')) {
        check(
          typeof securitySeverity === 'string' && /^\d+(\.\d+)?$/.test(securitySeverity) && Number(securitySeverity) > 0 && Number(securitySeverity) <= 10,
          `${where}: security-severity a numeric string in (0, 10]`,
        );
      } else {
        check(securitySeverity === undefined, `${where}: security-severity only on security rules`);
        check(['error', 'warning', 'recommendation'].includes(String(properties['problem.severity'])), `${where}: problem.severity`);
      }
    }
    const results = run.results ?? [];
    check(results.length <= 25_000, 'run: at most 25,000 results');
    results.forEach((sarifResult, index) => {
      const where = `result ${index}`;
      const component = sarifResult.rule?.toolComponent?.index;
      if (component === undefined) {
        check(sarifResult.ruleIndex !== undefined && rules[sarifResult.ruleIndex]?.id === sarifResult.ruleId, `${where}: ruleIndex names ruleId`);
      } else {
        const descriptor = extensions[component]?.rules?.[sarifResult.rule?.index ?? -1];
        check(sarifResult.ruleIndex === undefined && descriptor?.id === sarifResult.ruleId, `${where}: rule.toolComponent and rule.index name ruleId`);
      }
      check(LEVELS.has(sarifResult.level ?? ''), `${where}: level`);
      check(Boolean(sarifResult.message.text), `${where}: message text`);
      check(sarifResult.partialFingerprints === undefined && sarifResult.fingerprints === undefined, `${where}: no fingerprints`);
      check(sarifResult.locations?.length === 1, `${where}: exactly one location`);
      const physical = sarifResult.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri ?? '';
      check(physical?.artifactLocation?.uriBaseId === '%SRCROOT%', `${where}: uriBaseId %SRCROOT%`);
      check(uri !== '' && !uri.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.includes('\\'), `${where}: relative URI with /`);
      check(uri.split('/').every((segment) => segment !== '' && segment !== '..' && encodeURIComponent(decodeURIComponent(segment)) === segment), `${where}: segments percent-encoded`);
      const region = physical?.region;
      check(
        [region?.startLine, region?.startColumn, region?.endLine, region?.endColumn].every((value) => Number.isInteger(value) && (value ?? 0) >= 1),
        `${where}: region with startLine, startColumn, endLine, endColumn`,
      );
    });
  }
  return problems;
}

/** Every rule on: the policy rules (off by default) as warnings, so that every descriptor is written. */
const ALL_ON: Record<string, RuleSetting> = Object.fromEntries(builtinRules.filter((rule) => rule.severity === 'off').map((rule) => [rule.id, 'warning']));

let fixtureRunOnce: Promise<{ output: string; results: LintResult[] }> | undefined;

/** A real run over the fixture set, once for the tests that read it. */
function fixtureRun(): Promise<{ output: string; results: LintResult[] }> {
  fixtureRunOnce ??= lintFixtures();
  return fixtureRunOnce;
}

async function lintFixtures(): Promise<{ output: string; results: LintResult[] }> {
  // The deliberately broken configurations under fixtures/config are config-files.test.ts's business.
  const results = await lint(['fixtures'], { cwd: repoRoot, rules: ALL_ON, configLookup: false });
  const rules = await resolveRuleSettings(builtinRules, ALL_ON);
  const output = sarif(results, { cwd: repoRoot, repositoryRoot: repoRoot, color: false, codeFrame: false, rules, toolVersion: '0.0.0-test' });
  return { output, results };
}

describe('sarif', () => {
  describe('against the official SARIF 2.1.0 schema', () => {
    it('is valid for fixed results', () => {
      expectValid(sarif(RESULTS, CONTEXT));
      expectValid(sarif([], CONTEXT));
      expectValid(sarif(RESULTS, { ...CONTEXT, sarifCategory: 'sagelint' }));
    });

    it('is valid for a run over every fixture', async () => {
      const { output, results } = await fixtureRun();
      expect(results.flatMap((one) => one.findings).length).toBeGreaterThan(100);
      expectValid(output);
      expect(gitHubProblems(parse(output))).toEqual([]);
    }, 60_000);

    it('would catch a level outside the enum (the validator is no rubber stamp)', () => {
      const log = parse(sarif(RESULTS, CONTEXT)) as unknown as { runs: { results: { level: string }[] }[] };
      const first = log.runs[0]?.results[0];
      if (first === undefined) throw new Error('no result');
      first.level = 'info';
      expect(validateSarif(log)).toBe(false);
    });
  });

  describe('plugins', () => {
    it("describes each plugin's rules in tool.extensions, and its results name the extension", async () => {
      const acme = (await import('../../fixtures/plugins/sagelint-plugin-acme/index.js')).default;
      const cwd = fileURLToPath(new URL('../../fixtures/plugins/sagelint-plugin-acme/examples', import.meta.url));
      const run = await lintRun(['.'], { cwd, plugins: [acme], configLookup: false });
      const log = parse(sarif(run.results, { ...CONTEXT, cwd, rules: run.rules }));
      expectValid(JSON.stringify(log));
      expect(gitHubProblems(log)).toEqual([]);
      const tool = log.runs[0]?.tool;
      expect(tool?.driver.rules?.some((rule) => rule.id.startsWith('acme/'))).toBe(false);
      expect(tool?.extensions?.map(({ name, semanticVersion, informationUri, rules }) => ({ name, semanticVersion, informationUri, rules: rules?.map((rule) => [rule.id, rule.helpUri]) }))).toEqual([
        {
          name: 'acme',
          semanticVersion: '1.2.0',
          informationUri: 'https://github.com/acme/sagelint-plugin-acme/blob/main/rules.md',
          rules: [
            ['acme/cost-center-tag-format', 'https://github.com/acme/sagelint-plugin-acme/blob/main/rules.md#cost-center-tag-format'],
            ['acme/job-name-prefix', 'https://github.com/acme/sagelint-plugin-acme/blob/main/rules.md#job-name-prefix'],
          ],
        },
      ]);
      const pluginResults = (log.runs[0]?.results ?? []).filter((one) => one.ruleId?.startsWith('acme/'));
      expect(pluginResults.map((one) => [one.ruleId, one.rule, one.ruleIndex])).toEqual([
        ['acme/cost-center-tag-format', { id: 'acme/cost-center-tag-format', index: 0, toolComponent: { index: 0 } }, undefined],
        ['acme/job-name-prefix', { id: 'acme/job-name-prefix', index: 1, toolComponent: { index: 0 } }, undefined],
      ]);
    });
  });

  describe('the GitHub code scanning profile', () => {
    it('holds for fixed results, with and without a category', () => {
      expect(gitHubProblems(parse(sarif(RESULTS, CONTEXT)))).toEqual([]);
      expect(gitHubProblems(parse(sarif(RESULTS, { ...CONTEXT, sarifCategory: 'bias-jobs' })), { category: 'bias-jobs' })).toEqual([]);
      expect(gitHubProblems(parse(sarif([], CONTEXT)))).toEqual([]);
    });

    it('lists every enabled rule, then the reserved ids results use, once each', () => {
      const run = parse(sarif(RESULTS, CONTEXT)).runs[0];
      expect(run?.tool.driver.rules?.map((rule) => rule.id)).toEqual([...RULES.map(({ rule }) => rule.id), 'parse-error']);
      // The suppressed finding (line 6 of a.yaml) is a result too, in the file's order.
      expect(run?.results?.map((one) => one.ruleIndex)).toEqual([4, 4, 3, 1, 2, 5, 1]);
      const empty = parse(sarif([], CONTEXT)).runs[0];
      expect(empty?.results).toEqual([]);
      expect(empty?.tool.driver.rules).toHaveLength(RULES.length);
    });

    it('gives levels from the severity each rule ran at, info as note', () => {
      const run = parse(sarif(RESULTS, CONTEXT)).runs[0];
      expect(run?.tool.driver.rules?.map((rule) => rule.defaultConfiguration?.level)).toEqual(['warning', 'error', 'note', 'warning', 'error', 'error']);
      expect(run?.results?.map((one) => one.level)).toEqual(['error', 'error', 'warning', 'error', 'note', 'error', 'error']);
    });

    it('marks security rules with a tag and a security-severity, others with problem.severity', () => {
      const rules = parse(sarif(RESULTS, CONTEXT)).runs[0]?.tool.driver.rules ?? [];
      const byId = new Map(rules.map((rule) => [rule.id, rule.properties]));
      expect(byId.get('require-network-isolation')).toEqual({ tags: ['sagemaker', 'model-monitor', 'security'], precision: 'high', 'security-severity': '7.5' });
      expect(byId.get('require-vpc-config')).toMatchObject({ tags: ['sagemaker', 'model-monitor', 'security'], 'security-severity': '5.3' });
      expect(byId.get('valid-string-pattern')).toEqual({ tags: ['sagemaker', 'model-monitor'], precision: 'very-high', 'problem.severity': 'error' });
      expect(byId.get('require-tag-keys')).toEqual({ tags: ['sagemaker', 'model-monitor'], precision: 'high', 'problem.severity': 'recommendation' });
    });

    it('scores only rules that exist, within the CVSS range', () => {
      const ids = new Set(builtinRules.map((rule) => rule.id));
      for (const [id, score] of Object.entries(SECURITY_SEVERITY)) {
        expect(ids.has(id), id).toBe(true);
        expect(Number(score), id).toBeGreaterThanOrEqual(0.1);
        expect(Number(score), id).toBeLessThanOrEqual(10);
      }
    });

    it('writes help.text without Markdown links, and leaves quoted patterns alone', async () => {
      const rules = parse((await fixtureRun()).output).runs[0]?.tool.driver.rules ?? [];
      // Every rule, then the reserved ids the fixtures' broken files and suppressions (fixtures/suppressions) use.
      const ids = rules.map((rule) => rule.id);
      expect(ids.slice(0, builtinRules.length)).toEqual(builtinRules.map((rule) => rule.id));
      const reserved = ['parse-error', 'read-error', 'suppression-without-reason', 'suppression-unknown-rule'];
      expect(ids.slice(builtinRules.length).every((id) => reserved.includes(id)), ids.join()).toBe(true);
      for (const rule of rules) expect(rule.help?.text, rule.id).not.toMatch(/\]\(https?:/);
      const pattern = rules.find((rule) => rule.id === 'valid-string-pattern');
      expect(pattern?.help?.text).toContain('`[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`');
    }, 60_000);

    it('points at the repository from rules.md', () => {
      expect(INFORMATION_URI).toBe('https://github.com/sagelint/sagelint');
    });

    it('writes automationDetails only for a category', () => {
      expect(sarif(RESULTS, CONTEXT)).not.toContain('automationDetails');
      expect(parse(sarif(RESULTS, { ...CONTEXT, sarifCategory: 'bias-jobs' })).runs[0]?.automationDetails).toEqual({ id: 'bias-jobs/' });
      expect(sarif(RESULTS, { ...CONTEXT, sarifCategory: '' })).not.toContain('automationDetails');
    });

    it('names a rule the context does not list, so that ruleIndex still holds', () => {
      const results = [result('/project/a.yaml', [{ ruleId: 'my-plugin-rule', severity: 'info', message: 'Something.', line: 1, column: 1, endLine: 1, endColumn: 2 }])];
      const log = parse(sarif(results, CONTEXT));
      expectValid(JSON.stringify(log));
      expect(gitHubProblems(log)).toEqual([]);
      expect(log.runs[0]?.tool.driver.rules?.at(-1)).toMatchObject({ id: 'my-plugin-rule', defaultConfiguration: { level: 'note' } });
    });
  });

  describe('output', () => {
    it('matches the checked-in expectation', async () => {
      const output = sarif(RESULTS, CONTEXT);
      expect(output).not.toContain('/project');
      expect(sarif(RESULTS, CONTEXT)).toBe(output);
      await expect(`${output}\n`).toMatchFileSnapshot('./__expected__/sarif.json');
    });

    it('percent-encodes each path segment', () => {
      const uris = parse(sarif(RESULTS, CONTEXT)).runs[0]?.results?.map((one) => one.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
      expect(uris).toContain('monitors/prod%20eu/bias%20%231.yaml');
    });
  });

  describe('paths', () => {
    const finding = { ruleId: 'require-vpc-config', severity: 'warning', message: 'NetworkConfig has no VpcConfig.', line: 2, column: 1, endLine: 2, endColumn: 14 } as const;
    const uriOf = (filePath: string, context: Partial<FormatterContext>): unknown =>
      parse(sarif([result(filePath, [{ ...finding }])], { ...CONTEXT, ...context })).runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation;

    it('are relative to the repository root in a monorepo, not to the cwd', () => {
      const monorepo = { repositoryRoot: '/project', cwd: '/project/services/monitoring' };
      expect(uriOf('/project/services/monitoring/bias.yaml', monorepo)).toEqual({ uri: 'services/monitoring/bias.yaml', uriBaseId: '%SRCROOT%' });
      // lintText's filePath may be relative: to the cwd.
      expect(uriOf('jobs/bias.yaml', monorepo)).toEqual({ uri: 'services/monitoring/jobs/bias.yaml', uriBaseId: '%SRCROOT%' });
    });

    it('are relative to the cwd without a repository root', () => {
      expect(uriOf('/project/monitors/bias.yaml', { cwd: '/project' })).toEqual({ uri: 'monitors/bias.yaml', uriBaseId: '%SRCROOT%' });
    });

    it('are absolute file URIs outside the repository, which GitHub cannot anchor', () => {
      expect(uriOf('/elsewhere/my job.yaml', { repositoryRoot: '/project' })).toEqual({ uri: 'file:///elsewhere/my%20job.yaml' });
    });
  });
});
