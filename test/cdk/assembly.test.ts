/**
 * CDK cloud assemblies through `lint()`: a `cdk.out` is read through its manifest.json (stacks, nested stacks, stages),
 * findings point into the synthesized templates and name stack and construct, and broken assemblies are findings.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Placed {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

function lintFixtures(patterns: string[]): Promise<LintResult[]> {
  return lint(patterns, { cwd: ROOT });
}

/** Every finding of every result, with its file relative to the repository. */
function placed(results: readonly LintResult[]): Placed[] {
  return results.flatMap((result) =>
    result.findings.map(({ line, column, ruleId, message }) => ({ file: relative(ROOT, result.filePath), line, column, ruleId, message })),
  );
}

function files(results: readonly LintResult[]): string[] {
  return results.map((result) => relative(ROOT, result.filePath));
}

/**
 * The findings of the bad definition (the same in all three apps, see fixtures/cdk/README.md), given the lines of its
 * Properties, JobDefinitionName, ClusterConfig, InstanceCount, InstanceType, VolumeSizeInGB, S3InputMode and
 * ModelBiasJobOutputConfig: its five deliberate defects, and the network isolation, VPC and KMS keys it lacks.
 */
function badDefinitionFindings(
  file: string,
  stack: string,
  construct: string,
  lines: [number, number, number, number, number, number, number, number],
): Placed[] {
  const note = `stack ${stack}, construct ${construct}`;
  const resource = construct.split('/').at(-1) ?? construct;
  const [properties, name, cluster, count, type, size, mode, output] = lines;
  return [
    {
      file,
      line: properties,
      column: 4,
      ruleId: 'require-network-isolation',
      message: `Resource ${resource} has no NetworkConfig, so the job's containers can call the internet; add NetworkConfig and set EnableNetworkIsolation: true (${note}).`,
    },
    {
      file,
      line: properties,
      column: 4,
      ruleId: 'require-vpc-config',
      message: `Resource ${resource} has no NetworkConfig.VpcConfig, so the job does not run in your VPC; add VpcConfig with the SecurityGroupIds and Subnets of the VPC to run it in (${note}).`,
    },
    {
      file,
      line: name,
      column: 26,
      ruleId: 'valid-string-pattern',
      message: `JobDefinitionName "bad_name" does not match the pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$ (${note}).`,
    },
    {
      file,
      line: cluster,
      column: 6,
      ruleId: 'require-volume-kms-key',
      message: `ClusterConfig has no VolumeKmsKeyId: set it to a customer managed KMS key, so that the job's storage volume is encrypted with a key you control (${note}).`,
    },
    { file, line: count, column: 24, ruleId: 'valid-number-range', message: `InstanceCount 0 is less than the minimum 1 (${note}).` },
    {
      file,
      line: type,
      column: 23,
      ruleId: 'valid-instance-type',
      message: `InstanceType "ML.M5.XLARGE" is not a valid instance type; did you mean "ml.m5.xlarge" (${note})?`,
    },
    { file, line: size, column: 25, ruleId: 'valid-number-range', message: `VolumeSizeInGB 20000 is more than the maximum 16384 (${note}).` },
    { file, line: mode, column: 22, ruleId: 'valid-enum-value', message: `S3InputMode "FastFile" is not one of "Pipe", "File" (${note}).` },
    {
      file,
      line: output,
      column: 5,
      ruleId: 'require-output-kms-key',
      message: `ModelBiasJobOutputConfig has no KmsKeyId: set it to a customer managed KMS key, so that the reports written to S3 are encrypted with a key you control (${note}).`,
    },
  ];
}

const SINGLE = 'fixtures/cdk/single-stack/cdk.out';
const SINGLE_TEMPLATE = `${SINGLE}/BiasStack.template.json`;
const SINGLE_FINDINGS = badDefinitionFindings(SINGLE_TEMPLATE, 'BiasStack', 'BiasStack/BadBiasJobDefinition', [159, 160, 162, 163, 164, 165, 176, 182]);

describe('a single-stack assembly', () => {
  it.each([
    ['the cdk.out folder', SINGLE],
    ['its manifest.json', `${SINGLE}/manifest.json`],
    ['the folder above it', 'fixtures/cdk/single-stack'],
  ])('gives the same findings through %s', async (_name, pattern) => {
    const results = await lintFixtures([pattern]);
    expect(files(results)).toEqual([SINGLE_TEMPLATE, `${SINGLE}/manifest.json`]);
    expect(placed(results)).toEqual(SINGLE_FINDINGS);
    const [template, manifest] = results;
    expect(template).toMatchObject({ definitionCount: 2, errorCount: 6, warningCount: 3 });
    expect(manifest).toMatchObject({ findings: [], definitionCount: 0 });
  });

  it('reports nothing on the good definition', async () => {
    const [template] = await lintFixtures([SINGLE]);
    expect(template?.findings.filter((finding) => finding.pointer?.startsWith('/Resources/GoodBiasJobDefinition/'))).toEqual([]);
    const bad = '/Resources/BadBiasJobDefinition/Properties';
    expect(template?.findings.every((finding) => finding.pointer === bad || finding.pointer?.startsWith(`${bad}/`))).toBe(true);
  });

  it('does not lint tree.json, *.assets.json or *.metadata.json, and finds nothing in them when they are named', async () => {
    const results = await lintFixtures([`${SINGLE}/tree.json`, `${SINGLE}/BiasStack.assets.json`, `${SINGLE}/BiasStack.metadata.json`]);
    expect(files(results)).toEqual([`${SINGLE}/BiasStack.assets.json`, `${SINGLE}/BiasStack.metadata.json`, `${SINGLE}/tree.json`]);
    for (const result of results) {
      expect(result, result.filePath).toMatchObject({ findings: [], definitionCount: 0, errorCount: 0, warningCount: 0 });
    }
  });

  it('through a glob of every file, gives findings in the template only', async () => {
    const results = await lintFixtures([`${SINGLE}/*.json`]);
    expect(files(results)).toEqual([
      `${SINGLE}/BiasStack.assets.json`,
      `${SINGLE}/BiasStack.metadata.json`,
      SINGLE_TEMPLATE,
      `${SINGLE}/manifest.json`,
      `${SINGLE}/tree.json`,
    ]);
    expect(placed(results)).toEqual(SINGLE_FINDINGS);
  });

  it.each([
    [SINGLE, SINGLE_TEMPLATE],
    [SINGLE_TEMPLATE, SINGLE],
    [SINGLE_TEMPLATE, `${SINGLE}/manifest.json`, SINGLE],
  ])('lints a template once when the assembly and the template are both named (%s, %s)', async (...patterns: string[]) => {
    const results = await lintFixtures(patterns);
    expect(files(results)).toEqual([SINGLE_TEMPLATE, `${SINGLE}/manifest.json`]);
    expect(placed(results)).toEqual(SINGLE_FINDINGS);
  });
});

describe('a nested stack', () => {
  const NESTED = 'fixtures/cdk/nested-stack/cdk.out';
  const NESTED_TEMPLATE = `${NESTED}/ParentStackBiasNested04345063.nested.template.json`;
  const NESTED_FINDINGS = badDefinitionFindings(NESTED_TEMPLATE, 'ParentStack/BiasNested', 'ParentStack/BiasNested/NestedBadBiasJobDefinition', [
    5, 6, 8, 9, 10, 11, 22, 28,
  ]);

  it('lints the nested template once, as stack ParentStack/BiasNested', async () => {
    const results = await lintFixtures([NESTED]);
    expect(files(results)).toEqual([`${NESTED}/ParentStack.template.json`, NESTED_TEMPLATE, `${NESTED}/manifest.json`]);
    expect(placed(results)).toEqual(NESTED_FINDINGS);
    expect(results.map((result) => result.definitionCount)).toEqual([0, 1, 0]);
  });

  it('lints it once when it is named beside the assembly', async () => {
    const results = await lintFixtures([NESTED_TEMPLATE, NESTED]);
    expect(files(results)).toEqual([`${NESTED}/ParentStack.template.json`, NESTED_TEMPLATE, `${NESTED}/manifest.json`]);
    expect(placed(results)).toEqual(NESTED_FINDINGS);
  });

  it('names the nested stack when the nested template is named alone', async () => {
    expect(placed(await lintFixtures([NESTED_TEMPLATE]))).toEqual(NESTED_FINDINGS);
  });
});

describe('a stage', () => {
  const STAGE = 'fixtures/cdk/stage/cdk.out';
  const STAGE_TEMPLATE = `${STAGE}/assembly-Prod/ProdBiasStackC65C7DA0.template.json`;
  const STAGE_FINDINGS = badDefinitionFindings(STAGE_TEMPLATE, 'Prod/BiasStack', 'Prod/BiasStack/StageBadBiasJobDefinition', [25, 26, 28, 29, 30, 31, 42, 48]);

  it('lints the stage template as stack Prod/BiasStack, and both manifests', async () => {
    const results = await lintFixtures([STAGE]);
    expect(files(results)).toEqual([STAGE_TEMPLATE, `${STAGE}/assembly-Prod/manifest.json`, `${STAGE}/manifest.json`]);
    expect(placed(results)).toEqual(STAGE_FINDINGS);
  });

  it('gives the same findings through the folder above it', async () => {
    expect(placed(await lintFixtures(['fixtures/cdk/stage']))).toEqual(STAGE_FINDINGS);
  });

  it('names the stage stack when the stage template is named alone', async () => {
    expect(placed(await lintFixtures([STAGE_TEMPLATE]))).toEqual(STAGE_FINDINGS);
  });
});

describe('every assembly at once', () => {
  it('lints each template once, each with its own stack', async () => {
    const results = await lintFixtures(['fixtures/cdk/single-stack', 'fixtures/cdk/nested-stack', 'fixtures/cdk/stage']);
    const stacks = new Set(placed(results).map((finding) => /\(stack ([^,]+),/.exec(finding.message)?.[1]));
    expect(stacks).toEqual(new Set(['BiasStack', 'ParentStack/BiasNested', 'Prod/BiasStack']));
    expect(placed(results)).toHaveLength(27);
    expect(results.some((result) => result.findings.some((finding) => finding.ruleId === 'internal-error'))).toBe(false);
  });
});

describe('broken assemblies', () => {
  it('reports a missing template once, at the manifest templateFile value', async () => {
    const dir = 'fixtures/cdk/broken/missing-template/cdk.out';
    const results = await lintFixtures([dir]);
    expect(files(results)).toEqual([`${dir}/manifest.json`]);
    expect(placed(results)).toEqual([
      {
        file: `${dir}/manifest.json`,
        line: 8,
        column: 21,
        ruleId: 'read-error',
        message: 'The template "BrokenStack.template.json" of stack BrokenStack does not exist in the cloud assembly.',
      },
    ]);
    expect(results[0]?.findings[0]).toMatchObject({ endLine: 8, endColumn: 48, severity: 'error', pointer: '/artifacts/BrokenStack/properties/templateFile' });
    expect(results[0]).toMatchObject({ errorCount: 1, definitionCount: 0 });
  });

  it('reports a bad manifest once as a parse error and still lints the template', async () => {
    const dir = 'fixtures/cdk/broken/bad-manifest/cdk.out';
    const results = await lintFixtures([dir]);
    expect(files(results)).toEqual([`${dir}/BrokenStack.template.json`, `${dir}/manifest.json`]);
    expect(placed(results)).toEqual([
      { file: `${dir}/manifest.json`, line: 15, column: 1, ruleId: 'parse-error', message: 'Unexpected end of file: the JSON is truncated.' },
    ]);
    expect(results[0]).toMatchObject({ findings: [], definitionCount: 1 });
    expect(results[1]).toMatchObject({ errorCount: 1, fatalErrorCount: 1 });
  });

  it('gives the same through the bad manifest named directly', async () => {
    const dir = 'fixtures/cdk/broken/bad-manifest/cdk.out';
    const results = await lintFixtures([`${dir}/manifest.json`]);
    expect(placed(results)).toEqual([
      { file: `${dir}/manifest.json`, line: 15, column: 1, ruleId: 'parse-error', message: 'Unexpected end of file: the JSON is truncated.' },
    ]);
  });

  it('reports a cdk.out without manifest once, on the folder, and still lints the template', async () => {
    const dir = 'fixtures/cdk/broken/no-manifest/cdk.out';
    const results = await lintFixtures([dir]);
    expect(files(results)).toEqual([dir, `${dir}/BrokenStack.template.json`]);
    expect(placed(results)).toEqual([
      {
        file: dir,
        line: 1,
        column: 1,
        ruleId: 'read-error',
        message: 'This CDK output folder has no cloud assembly manifest (manifest.json); its files were linted one by one.',
      },
    ]);
    expect(results[1]).toMatchObject({ findings: [], definitionCount: 1 });
  });

  it('reports a stage that names its own assembly, or one that contains it, instead of reading it forever', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sagelint-stage-loop-'));
    try {
      const stage = (directoryName: string): unknown => ({ type: 'cdk:cloud-assembly', properties: { directoryName } });
      await mkdir(join(dir, 'cdk.out', 'assembly-Prod'), { recursive: true });
      await writeFile(
        join(dir, 'cdk.out', 'manifest.json'),
        JSON.stringify({ version: '36.0.0', artifacts: { Self: stage('.'), Prod: stage('assembly-Prod') } }, null, 2),
      );
      await writeFile(join(dir, 'cdk.out', 'assembly-Prod', 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: { Parent: stage('..') } }, null, 2));
      const results = await lint(['.'], { cwd: dir });
      expect(results.flatMap((result) => result.findings.map(({ ruleId, pointer, message }) => ({ file: relative(dir, result.filePath), ruleId, pointer, message })))).toEqual([
        {
          file: join('cdk.out', 'assembly-Prod', 'manifest.json'),
          ruleId: 'read-error',
          pointer: '/artifacts/Parent/properties/directoryName',
          message: 'The nested assembly ".." was read already; a stage cannot contain itself.',
        },
        {
          file: join('cdk.out', 'manifest.json'),
          ruleId: 'read-error',
          pointer: '/artifacts/Self/properties/directoryName',
          message: 'The nested assembly "." was read already; a stage cannot contain itself.',
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not read a nested template over the size limit to find its stacks; its own lint reports the limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sagelint-big-nested-'));
    try {
      const nested = { Resources: { Big: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'Inner.nested.template.json' } } } };
      await mkdir(join(dir, 'cdk.out'));
      await writeFile(
        join(dir, 'cdk.out', 'manifest.json'),
        JSON.stringify({ version: '36.0.0', artifacts: { Outer: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Outer.template.json' } } } }),
      );
      // Valid JSON, 11 MiB of it blanks: over the default limit of 10 MiB.
      await writeFile(join(dir, 'cdk.out', 'Outer.template.json'), JSON.stringify(nested) + ' '.repeat(11 * 1024 * 1024));
      await writeFile(join(dir, 'cdk.out', 'Inner.nested.template.json'), JSON.stringify({ Resources: {} }));
      const results = await lint(['cdk.out'], { cwd: dir });
      expect(results.map((result) => relative(dir, result.filePath))).toEqual([join('cdk.out', 'Outer.template.json'), join('cdk.out', 'manifest.json')]);
      expect(results[0]?.findings).toEqual([
        expect.objectContaining({ ruleId: 'read-error', message: expect.stringMatching(/^The file is \d+ bytes, over the size limit of 10485760 bytes/) }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds a nested stack whose type is written with JSON escapes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sagelint-escaped-nested-'));
    try {
      await mkdir(join(dir, 'cdk.out'));
      await writeFile(
        join(dir, 'cdk.out', 'manifest.json'),
        JSON.stringify({ version: '36.0.0', artifacts: { Outer: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Outer.template.json' } } } }),
      );
      // `AWS::CloudFormation::Stack`, its letters escaped: the same string to any JSON reader.
      const escapedType = 'AWS::Cl\\u006fudF\\u006frmati\\u006fn::Stack';
      await writeFile(
        join(dir, 'cdk.out', 'Outer.template.json'),
        `{"Resources": {"Inner": {"Type": "${escapedType}", "Metadata": {"aws:asset:path": "Inner.nested.template.json"}}}}`,
      );
      await writeFile(join(dir, 'cdk.out', 'Inner.nested.template.json'), JSON.stringify({ Resources: {} }));
      const results = await lint(['cdk.out'], { cwd: dir });
      expect(results.map((result) => relative(dir, result.filePath))).toEqual([
        join('cdk.out', 'Inner.nested.template.json'),
        join('cdk.out', 'Outer.template.json'),
        join('cdk.out', 'manifest.json'),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lints every broken assembly at once, each problem once', async () => {
    const results = await lintFixtures(['fixtures/cdk/broken']);
    expect(placed(results).map((finding) => [finding.file, finding.ruleId])).toEqual([
      ['fixtures/cdk/broken/bad-manifest/cdk.out/manifest.json', 'parse-error'],
      ['fixtures/cdk/broken/missing-template/cdk.out/manifest.json', 'read-error'],
      ['fixtures/cdk/broken/no-manifest/cdk.out', 'read-error'],
    ]);
  });
});
