/** The public API (`src/index.ts`): lint() on files and directories, lintText(), and how bad usage throws. */
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, defineRule, lint, lintText, RESERVED_RULE_IDS, SagelintError } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures');
const CLEAN_REQUEST = join(FIXTURES, 'examples', 'clean-request.json');

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sagelint-api-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A fresh folder under the temp directory. */
async function folder(name: string): Promise<string> {
  const path = join(directory, name);
  await mkdir(path, { recursive: true });
  return path;
}

describe('lint()', () => {
  it('lints a good file beside a broken one: both results, sorted by path', async () => {
    const cwd = await folder('broken-beside-good');
    await writeFile(join(cwd, 'a-broken.yaml'), 'ModelBiasJobInput:\n  GroundTruthS3Input: [\n');
    await copyFile(CLEAN_REQUEST, join(cwd, 'b-good.json'));
    await writeFile(join(cwd, 'c-errors.json'), '{"ModelBiasJobInput": 5}');

    const results = await lint(['.'], { cwd });
    expect(results.map((result) => result.filePath)).toEqual([
      join(cwd, 'a-broken.yaml'),
      join(cwd, 'b-good.json'),
      join(cwd, 'c-errors.json'),
    ]);
    const [broken, good, errors] = results;
    expect(broken?.findings).toHaveLength(1);
    expect(broken).toMatchObject({ errorCount: 1, fatalErrorCount: 1, definitionCount: 0 });
    expect(broken?.findings[0]).toMatchObject({ ruleId: RESERVED_RULE_IDS.parseError, severity: 'error', fatal: true, line: 2, column: 23 });
    expect(good).toMatchObject({ findings: [], errorCount: 0, warningCount: 0, definitionCount: 1 });
    expect(good?.source).toBeUndefined();
    expect(errors?.definitionCount).toBe(1);
    expect(errors?.findings.some((finding) => finding.ruleId === 'valid-value-type')).toBe(true);
  });

  it('sorts results by path whatever the order of the patterns', async () => {
    const cwd = await folder('order');
    await copyFile(CLEAN_REQUEST, join(cwd, 'z.json'));
    await copyFile(CLEAN_REQUEST, join(cwd, 'a.json'));
    await copyFile(CLEAN_REQUEST, join(cwd, 'M.json'));
    const results = await lint(['z.json', 'a.json', 'M.json'], { cwd });
    expect(results.map((result) => result.filePath)).toEqual([join(cwd, 'M.json'), join(cwd, 'a.json'), join(cwd, 'z.json')]);
  });

  it('gives files that hold no definition a result with no finding and definitionCount 0', async () => {
    const cwd = join(FIXTURES, 'cli', 'no-definitions');
    const results = await lint(['.'], { cwd });
    expect(results.map((result) => result.filePath.slice(cwd.length + 1))).toEqual([
      'data-quality-request.json',
      'deployment.yaml',
      'notes.json',
      'package.json',
      'tsconfig.json',
      'workflow.yml',
    ]);
    for (const result of results) {
      expect(result, result.filePath).toMatchObject({ findings: [], errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, definitionCount: 0 });
    }
  });

  it('throws SagelintError no-files-matched for a pattern that matches nothing', async () => {
    const cwd = await folder('unmatched');
    await copyFile(CLEAN_REQUEST, join(cwd, 'a.json'));
    const error: unknown = await lint(['a.json', 'missing/*.yaml'], { cwd }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SagelintError);
    expect(error).toMatchObject({ code: 'no-files-matched', message: 'No files matching the pattern "missing/*.yaml" were found.' });
  });

  it('skips an unmatched pattern with errorOnUnmatchedPattern: false', async () => {
    const cwd = await folder('unmatched-allowed');
    await copyFile(CLEAN_REQUEST, join(cwd, 'a.json'));
    const results = await lint(['a.json', 'missing/*.yaml'], { cwd, errorOnUnmatchedPattern: false });
    expect(results.map((result) => result.filePath)).toEqual([join(cwd, 'a.json')]);
    await expect(lint(['nothing-at-all'], { cwd, errorOnUnmatchedPattern: false })).resolves.toEqual([]);
  });

  it('reports a symlink loop as a read error and still lints the other files', async () => {
    const cwd = await folder('symlink-loop');
    await mkdir(join(cwd, 'monitors'));
    await copyFile(CLEAN_REQUEST, join(cwd, 'monitors', 'good.json'));
    await writeFile(join(cwd, 'monitors', 'bad.json'), '{"ModelBiasJobInput": 5}');
    await symlink('..', join(cwd, 'monitors', 'loop'));

    const results = await lint(['.'], { cwd });
    expect(results.map((result) => result.filePath)).toEqual([
      join(cwd, 'monitors', 'bad.json'),
      join(cwd, 'monitors', 'good.json'),
      join(cwd, 'monitors', 'loop'),
    ]);
    const loop = results[2];
    expect(loop?.findings).toHaveLength(1);
    expect(loop?.findings[0]).toMatchObject({
      ruleId: RESERVED_RULE_IDS.readError,
      severity: 'error',
      fatal: true,
      line: 1,
      column: 1,
      message: 'Symbolic link loops back to .; not followed.',
    });
    expect(results[0]?.definitionCount).toBe(1);
    expect(results[0]?.errorCount).toBeGreaterThan(0);
    expect(results[1]).toMatchObject({ findings: [], definitionCount: 1 });
  });

  it('never produces an internal-error on any fixture', async () => {
    // The deliberately broken configurations under fixtures/config are config-files.test.ts's business.
    const results = await lint(['fixtures'], { cwd: ROOT, configLookup: false });
    expect(results.length).toBeGreaterThan(10);
    const internal = results.flatMap((result) =>
      result.findings.filter((finding) => finding.ruleId === RESERVED_RULE_IDS.internalError).map((finding) => `${result.filePath}: ${finding.message}`),
    );
    expect(internal).toEqual([]);
  }, 30_000);
});

describe('lintText()', () => {
  it('resolves filePath against cwd and decides the format by its extension', async () => {
    const result = await lintText('ModelBiasJobInput: 5\n', { filePath: 'monitors/a.yaml', cwd: '/project' });
    expect(result.filePath).toBe(resolve('/project', 'monitors/a.yaml'));
    expect(result.definitionCount).toBe(1);
    expect(result.source).toBe('ModelBiasJobInput: 5\n');
    expect(result.findings.find((finding) => finding.ruleId === 'valid-value-type')).toMatchObject({ line: 1, column: 20 });
  });

  it('defaults cwd to process.cwd() and keeps an absolute filePath as it is', async () => {
    const relative = await lintText('{}', { filePath: 'x.json' });
    expect(relative.filePath).toBe(resolve(process.cwd(), 'x.json'));
    const absolute = await lintText('{}', { filePath: '/elsewhere/x.json', cwd: '/project' });
    expect(absolute.filePath).toBe(resolve('/elsewhere/x.json'));
    expect(absolute).toMatchObject({ findings: [], definitionCount: 0 });
  });

  it('judges a value beside an unknown one whose name begins the same, and nothing under the unknown one', async () => {
    const environment = ['        A: !Ref Bucket', '        AB: 5'];
    const result = await lintText(template(environment), { filePath: 'a.yaml', cwd: '/project' });
    const environmentFindings = result.findings.filter((finding) => finding.pointer?.includes('/Environment/'));
    expect(environmentFindings.map(({ ruleId, pointer }) => ({ ruleId, pointer }))).toEqual([
      { ruleId: 'valid-value-type', pointer: '/Resources/BiasJob/Properties/ModelBiasAppSpecification/Environment/AB' },
    ]);
  });

  it('gives rules no schema violation at or under a value that cannot be known offline', async () => {
    const seen: string[] = [];
    const recorder = defineRule({
      id: 'violations',
      title: 'Records violations',
      description: 'Records the schema violations it is given.',
      severity: 'warning',
      appliesTo: ['cfn-resource'],
      docs: { rationale: 'A test.' },
      check(context) {
        for (const violation of context.schemaViolations()) seen.push(`${violation.keyword} ${violation.pointer}`);
      },
    });
    // ClusterConfig's placeholder lacks every required member and RoleArn's is no string; the other two are real
    // (the members the resource lacks are left out: `required /Properties`).
    const text = template(['        A: 5']).replace(
      '    Properties:\n',
      '    Properties:\n      RoleArn: !GetAtt Role.Arn\n      JobResources:\n        ClusterConfig: !GetAtt Cluster.Config\n      StoppingCondition: []\n',
    );
    await lintText(text, { filePath: 'a.yaml', cwd: '/project', plugins: [definePlugin({ meta: { name: 'recorder' }, rules: [recorder] })] });
    expect(seen.filter((entry) => entry !== 'required /Properties')).toEqual([
      'type /Properties/ModelBiasAppSpecification/Environment/A',
      'type /Properties/StoppingCondition',
    ]);
  });

  it('lints a definition of thousands of values, half of them unknown, in time linear in their number', async () => {
    // Each value used to be compared with every unknown, in each of the 64 variants the parameter gives: over 10 s.
    const environment = [
      '        Stage: !Ref Stage',
      ...Array.from({ length: 2_000 }, (_, index) => `        V${index}: ${index % 2 === 0 ? '!Ref Bucket' : `arn:aws:s3:::bucket-${index}`}`),
    ];
    const stages = Array.from({ length: 64 }, (_, index) => `stage-${index}`);
    const result = await lintText(`Parameters:\n  Stage:\n    Type: String\n    AllowedValues: [${stages.join(', ')}]\n${template(environment)}`, {
      filePath: 'a.yaml',
      cwd: '/project',
    });
    expect(result.definitionCount).toBe(1);
    expect(result.findings.filter((finding) => finding.ruleId === RESERVED_RULE_IDS.internalError)).toEqual([]);
  }, 10_000);
});

/** A template of one bias job definition whose ModelBiasAppSpecification.Environment holds `environment` (YAML lines). */
function template(environment: readonly string[]): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '  BiasJob:',
    '    Type: AWS::SageMaker::ModelBiasJobDefinition',
    '    Properties:',
    '      ModelBiasAppSpecification:',
    '        ImageUri: 205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0',
    '        ConfigUri: s3://bucket/analysis_config.json',
    '        Environment:',
    ...environment.map((line) => `  ${line}`),
    '',
  ].join('\n');
}
