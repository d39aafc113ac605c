/**
 * CloudFormation templates through `lintText`: which resources are definitions, how strings stand for scalars, where
 * values written in parameters are reported, what intrinsic functions leave unjudged, and templates versus requests.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromSource } from '../../src/definitions/extract.js';
import { lintText, type LintResult } from '../../src/index.js';
import { loadText } from '../../src/loaders/load.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TEMPLATES = join(ROOT, 'fixtures', 'templates');

/** The findings as compared here: position, rule and message. */
function brief(result: LintResult): { line: number; column: number; endLine: number; endColumn: number; ruleId: string; message: string }[] {
  return result.findings.map(({ line, column, endLine, endColumn, ruleId, message }) => ({ line, column, endLine, endColumn, ruleId, message }));
}

/** Lints a fixture under fixtures/templates/ as text. */
async function lintTemplate(name: string, options: { region?: string } = {}): Promise<LintResult> {
  const filePath = join(TEMPLATES, name);
  return lintText(await readFile(filePath, 'utf8'), { filePath, cwd: ROOT, ...options });
}

/** Lints an inline YAML text. */
function lintYaml(text: string, options: { region?: string } = {}): Promise<LintResult> {
  return lintText(text, { filePath: 'inline.yaml', cwd: ROOT, ...options });
}

const BIAS = 'AWS::SageMaker::ModelBiasJobDefinition';

describe('which resources are definitions', () => {
  it('gives a template without bias resources no finding and definitionCount 0, however wrong its other resources', async () => {
    const result = await lintTemplate('no-bias-resources.yaml');
    expect(result).toMatchObject({ findings: [], errorCount: 0, warningCount: 0, definitionCount: 0 });
    expect(result.source).toBeUndefined();
  });

  it('checks both of two bias resources (JSON)', async () => {
    const result = await lintTemplate('two-resources.json');
    expect(result.definitionCount).toBe(2);
    expect(brief(result)).toEqual([
      { line: 7, column: 63, endLine: 7, endColumn: 64, ruleId: 'valid-number-range', message: 'InstanceCount 0 is less than the minimum 1.' },
      {
        line: 19,
        column: 116,
        endLine: 19,
        endColumn: 121,
        ruleId: 'valid-number-range',
        message: 'VolumeSizeInGB 20000 is more than the maximum 16384.',
      },
    ]);
    expect(result.findings.map((finding) => finding.pointer)).toEqual([
      '/Resources/First/Properties/JobResources/ClusterConfig/InstanceCount',
      '/Resources/Second/Properties/JobResources/ClusterConfig/VolumeSizeInGB',
    ]);
  });
});

describe('the resource itself', () => {
  it('reports a resource with no Properties at its key', async () => {
    const result = await lintYaml(`Resources:\n  Job:\n    Type: ${BIAS}\n`);
    expect(result.definitionCount).toBe(1);
    expect(brief(result)).toEqual([
      {
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 6,
        ruleId: 'require-members',
        message: 'Resource Job is missing the required member "Properties".',
      },
    ]);
  });

  it('reports Properties that is a list once, at the list', async () => {
    const result = await lintYaml(`Resources:\n  Job:\n    Type: ${BIAS}\n    Properties: [a, b]\n`);
    expect(brief(result)).toEqual([
      { line: 4, column: 17, endLine: 4, endColumn: 23, ruleId: 'valid-value-type', message: 'Properties must be an object, not a list.' },
    ]);
  });

  it('reports an unknown resource-level key and accepts the known ones', async () => {
    const text = await readFile(join(TEMPLATES, 'strings-for-scalars.yaml'), 'utf8');
    const withKeys = text.replace(
      `    Type: ${BIAS}\n`,
      `    Type: ${BIAS}\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Metadata: { owner: ml }\n    Tags: []\n`,
    );
    expect(withKeys).not.toBe(text);
    const result = await lintText(withKeys, { filePath: 'inline.yaml', cwd: ROOT });
    expect(brief(result)).toEqual([
      {
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 9,
        ruleId: 'no-unknown-members',
        message: 'Resource BiasJob has an unknown member "Tags".',
      },
    ]);
  });

  it('reports a misspelt Properties both as unknown and as missing (recorded behaviour)', async () => {
    const result = await lintYaml(`Resources:\n  Job:\n    Type: ${BIAS}\n    Propertes: {}\n`);
    expect(brief(result)).toEqual([
      {
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 6,
        ruleId: 'require-members',
        message: 'Resource Job is missing the required member "Properties".',
      },
      {
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 14,
        ruleId: 'no-unknown-members',
        message: 'Resource Job has an unknown member "Propertes"; did you mean "Properties"?',
      },
    ]);
  });
});

describe('values', () => {
  it('accepts "false" for a boolean and "30" for a number, as CloudFormation does', async () => {
    const result = await lintTemplate('strings-for-scalars.yaml');
    expect(result).toMatchObject({ findings: [], definitionCount: 1 });
  });

  it('judges such strings as what they become, in a copy: the template as written keeps them', async () => {
    const filePath = join(TEMPLATES, 'strings-for-scalars.yaml');
    const source = await loadText(filePath, await readFile(filePath, 'utf8'));
    const [document] = source.documents;
    const written = structuredClone(document?.value);
    const [definition] = await extractFromSource(source);
    const cluster = (value: unknown): unknown => (value as { Properties: { JobResources: { ClusterConfig: unknown } } }).Properties.JobResources.ClusterConfig;
    expect(cluster(definition?.variants[0]?.value)).toMatchObject({ InstanceCount: 1, VolumeSizeInGB: 30 });
    expect(document?.value).toEqual(written);
    expect(cluster((written as { Resources: { BiasJob: unknown } }).Resources.BiasJob)).toMatchObject({ InstanceCount: '1', VolumeSizeInGB: '30' });
  });

  it('reports a bad parameter Default at the Default, and a bad AllowedValues entry at the entry, with a note', async () => {
    const result = await lintTemplate('bad-parameters.yaml');
    expect(brief(result)).toEqual([
      {
        line: 6,
        column: 14,
        endLine: 6,
        endColumn: 19,
        ruleId: 'valid-number-range',
        message:
          'VolumeSizeInGB 20000 is more than the maximum 16384 (from parameter VolumeSize, used by Properties.JobResources.ClusterConfig.VolumeSizeInGB).',
      },
      {
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 17,
        ruleId: 'valid-enum-value',
        message:
          'S3InputMode "FastFile" is not one of "Pipe", "File" (from parameter InputMode, used by Properties.ModelBiasJobInput.EndpointInput.S3InputMode).',
      },
      // Besides its parameters, the definition is not hardened and its image is not an ECR image: true findings too.
      {
        line: 17,
        column: 5,
        endLine: 17,
        endColumn: 15,
        ruleId: 'require-network-isolation',
        message:
          "Resource BiasJob has no NetworkConfig, so the job's containers can call the internet; add NetworkConfig and set EnableNetworkIsolation: true.",
      },
      {
        line: 17,
        column: 5,
        endLine: 17,
        endColumn: 15,
        ruleId: 'require-vpc-config',
        message:
          'Resource BiasJob has no NetworkConfig.VpcConfig, so the job does not run in your VPC; add VpcConfig with the SecurityGroupIds and Subnets of the VPC to run it in.',
      },
      {
        line: 19,
        column: 9,
        endLine: 19,
        endColumn: 22,
        ruleId: 'require-volume-kms-key',
        message:
          "ClusterConfig has no VolumeKmsKeyId: set it to a customer managed KMS key, so that the job's storage volume is encrypted with a key you control.",
      },
      {
        line: 25,
        column: 19,
        endLine: 25,
        endColumn: 30,
        ruleId: 'valid-image-uri',
        message:
          'ImageUri "clarify:1.0" is a Docker Hub image; use an Amazon ECR image URI, {account}.dkr.ecr.{region}.amazonaws.com/{repository}[:{tag}], such as the SageMaker Clarify image of the job\'s region.',
      },
      {
        line: 33,
        column: 7,
        endLine: 33,
        endColumn: 31,
        ruleId: 'require-output-kms-key',
        message:
          'ModelBiasJobOutputConfig has no KmsKeyId: set it to a customer managed KMS key, so that the reports written to S3 are encrypted with a key you control.',
      },
    ]);
    expect(result.findings.map((finding) => finding.pointer)).toEqual([
      '/Parameters/VolumeSize/Default',
      '/Parameters/InputMode/AllowedValues/1',
      '/Resources/BiasJob/Properties',
      '/Resources/BiasJob/Properties',
      '/Resources/BiasJob/Properties/JobResources/ClusterConfig/VolumeKmsKeyId',
      '/Resources/BiasJob/Properties/ModelBiasAppSpecification/ImageUri',
      '/Resources/BiasJob/Properties/ModelBiasJobOutputConfig/KmsKeyId',
    ]);
  });

  it('gives an intrinsic-heavy but correct template no finding, with or without a region', async () => {
    for (const options of [{}, { region: 'us-east-1' }, { region: 'eu-west-1' }, { region: 'cn-north-1' }]) {
      const result = await lintTemplate('good-intrinsics.yaml', options);
      expect(result, JSON.stringify(options)).toMatchObject({ findings: [], definitionCount: 1 });
    }
  });

  it('knows ${AWS::Partition} in Fn::Sub only when a region is given', async () => {
    expect(await lintTemplate('partition-sub.yaml')).toMatchObject({ findings: [], definitionCount: 1 });
    expect(brief(await lintTemplate('partition-sub.yaml', { region: 'cn-north-1' }))).toEqual([
      {
        line: 14,
        column: 20,
        endLine: 14,
        endColumn: 72,
        ruleId: 'valid-string-pattern',
        message: 'ConfigUri "arn:aws-cn:s3:::bucket/config.json" does not match the pattern ^(https|s3)://([^/]+)/?(.*)$.',
      },
    ]);
  });
});

describe('templates and request bodies', () => {
  it('never treats a template as a request, even with a top-level ModelBias* key', async () => {
    const withVersion = await lintYaml('AWSTemplateFormatVersion: "2010-09-09"\nModelBiasJobInput: {}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    expect(withVersion).toMatchObject({ findings: [], definitionCount: 0 });
    const typedResources = await lintYaml('ModelBiasJobInput: {}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    expect(typedResources).toMatchObject({ findings: [], definitionCount: 0 });
  });

  it('lints the bias resources of a template that also has a ModelBias* top-level key, and nothing else', async () => {
    const result = await lintYaml(`ModelBiasJobInput: {}\nResources:\n  Job:\n    Type: ${BIAS}\n    Properties: {}\n`);
    expect(result.definitionCount).toBe(1);
    expect(result.findings.map((finding) => finding.pointer)).toEqual([
      '/Resources/Job/Properties/JobResources',
      '/Resources/Job/Properties/ModelBiasAppSpecification',
      '/Resources/Job/Properties/ModelBiasJobInput',
      '/Resources/Job/Properties/ModelBiasJobOutputConfig',
      '/Resources/Job/Properties/RoleArn',
      '/Resources/Job/Properties',
      '/Resources/Job/Properties',
    ]);
    expect(result.findings.slice(-2).map((finding) => finding.ruleId)).toEqual(['require-network-isolation', 'require-vpc-config']);
  });

  it('treats a ModelBias* body whose Resources are not all typed as a request with an unknown member Resources', async () => {
    for (const text of ['ModelBiasJobInput: {}\nResources:\n  Bucket: 5\n', 'ModelBiasJobInput: {}\nResources: {}\n']) {
      const result = await lintYaml(text);
      expect(result.definitionCount).toBe(1);
      expect(result.findings.find((finding) => finding.ruleId === 'no-unknown-members')?.message).toBe('The request has an unknown member "Resources".');
    }
  });

  it('never treats a request body as a template: no Resources, no template rules', async () => {
    const result = await lintYaml('ModelBiasJobInput:\n  GroundTruthS3Input:\n    S3Uri: !Ref Bucket\n');
    expect(result.definitionCount).toBe(1);
    expect(result.findings.every((finding) => finding.message.startsWith('The request') || finding.pointer?.startsWith('/ModelBiasJobInput'))).toBe(true);
    expect(result.findings.some((finding) => finding.ruleId === 'valid-template-reference')).toBe(false);
  });
});

describe('values written in parameters, reported where they are written', () => {
  const template = [
    'Parameters:',
    '  Groups: {Type: CommaDelimitedList, Default: "sg-1,sg-2,sg-3,sg-4,sg-5,sg-6"}',
    '  Mode: {Type: String, Default: Fast}',
    'Resources:',
    '  Job:',
    `    Type: ${BIAS}`,
    '    Properties:',
    '      NetworkConfig: {VpcConfig: {SecurityGroupIds: !Ref Groups, Subnets: [subnet-1]}}',
    '      ModelBiasJobOutputConfig:',
    '        MonitoringOutputs: [{S3Output: {S3Uri: s3://b/o, LocalPath: /opt/ml/processing/output, S3UploadMode: !Ref Mode}}]',
    '',
  ].join('\n');

  it('points a size finding at the parameter value, not at the word Default, and writes list items as [i]', async () => {
    // The other findings are true too (missing members, ids that are no sg-/subnet- ids, no network isolation, no
    // output key, the bucket name "b"), but this test is about where these two are reported.
    const findings = brief(await lintYaml(template)).filter((finding) => ['valid-collection-size', 'valid-enum-value'].includes(finding.ruleId));
    expect(findings).toEqual([
      {
        line: 2,
        column: 47,
        endLine: 2,
        endColumn: 78,
        ruleId: 'valid-collection-size',
        message:
          'SecurityGroupIds has 6 items; expected at most 5 (from parameter Groups, used by Properties.NetworkConfig.VpcConfig.SecurityGroupIds).',
      },
      {
        line: 3,
        column: 33,
        endLine: 3,
        endColumn: 37,
        ruleId: 'valid-enum-value',
        message:
          'S3UploadMode "Fast" is not one of "Continuous", "EndOfJob" (from parameter Mode, used by ' +
          'Properties.ModelBiasJobOutputConfig.MonitoringOutputs[0].S3Output.S3UploadMode).',
      },
    ]);
  });
});
