import { readFile } from 'node:fs/promises';
import { describe, it, expect } from 'vitest';
import type { ErrorObject } from 'ajv';
import { CFN_MODEL_FILE, CFN_VALIDATOR_FILE, renderGeneratedFiles } from '../scripts/generate-model.js';
import { cfnResourceModel } from '../src/generated/cfn-resource-model.js';
import validateDefault, { validateCfnResource } from '../src/generated/cfn-resource-validator.js';
import { toJsonSchema } from '../src/model/json-schema.js';
import { REMOVE, setAt, validResource } from './support/model-values.js';

const repoFile = (file: string): URL => new URL(`../${file}`, import.meta.url);


type Finding = Pick<ErrorObject, 'instancePath' | 'keyword' | 'params'>;

/** Validates {@link validResource} with the given changes and returns ajv's errors, trimmed to what rules use. */
function errorsWith(...changes: [pointer: string, value: unknown][]): Finding[] {
  const resource = validResource();
  for (const [pointer, value] of changes) setAt(resource, pointer, value);
  const valid = validateCfnResource(resource);
  const errors = (validateCfnResource.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
  expect(valid).toBe(errors.length === 0);
  return errors;
}

const P = '/Properties';
const ENDPOINT_INPUT = `${P}/ModelBiasJobInput/EndpointInput`;
const CLUSTER = `${P}/JobResources/ClusterConfig`;
const batchTransformInput = (datasetFormat: unknown): Record<string, unknown> => ({
  DataCapturedDestinationS3Uri: 's3://example-bucket/capture',
  DatasetFormat: datasetFormat,
  LocalPath: '/opt/ml/processing/input/batch',
});

describe('generated CFN files', () => {
  it('are rendered by the one script and are what `npm run generate` writes now', async () => {
    const files = await renderGeneratedFiles();
    for (const file of [CFN_MODEL_FILE, CFN_VALIDATOR_FILE]) {
      const expected = files.get(file);
      expect(expected, file).toBeDefined();
      const actual = await readFile(repoFile(file), 'utf8').catch(() => '');
      expect(actual, `${file} is stale: run \`npm run generate\``).toBe(expected);
    }
  });

  it('name their sources and versions', async () => {
    const text = await readFile(repoFile(CFN_MODEL_FILE), 'utf8');
    expect(text).toMatch(/^\/\/ - @aws-cdk\/aws-service-spec 0\.1\.216 /m);
    expect(text).toContain('cfn-lint 2026-06-15 (with @awboost/cfn-resource-types 0.1.538)');
    expect(text).toContain('(scripts/data/cfn-constraints.json)');
    expect(text).toMatch(/^\/\/ - @aws-sdk\/client-sagemaker 3\.1142\.0: ProcessingInstanceType/m);
    expect(cfnResourceModel.sources.map((source) => source.name)).toEqual([
      '@aws-cdk/aws-service-spec',
      'cfn-lint',
      '@aws-sdk/client-sagemaker',
    ]);
  });
});

describe('cfnResourceModel', () => {
  it('has the resource envelope as its root', () => {
    expect(cfnResourceModel.root).toBe('ModelBiasJobDefinitionResource');
    const root = cfnResourceModel.structures.ModelBiasJobDefinitionResource;
    expect(root?.required).toEqual(['Type', 'Properties']);
    expect(Object.keys(root?.members ?? {})).toEqual([
      'Type',
      'Properties',
      'Metadata',
      'DependsOn',
      'Condition',
      'DeletionPolicy',
      'UpdateReplacePolicy',
    ]);
    expect(root?.members.Properties).toEqual({ type: 'structure', name: 'ModelBiasJobDefinitionProperties' });
  });

  it('has the required properties of reference §2.1 (JobDefinitionName optional)', () => {
    expect(cfnResourceModel.structures.ModelBiasJobDefinitionProperties?.required).toEqual([
      'JobResources',
      'ModelBiasAppSpecification',
      'ModelBiasJobInput',
      'ModelBiasJobOutputConfig',
      'RoleArn',
    ]);
  });

  it("uses CloudFormation's type names (§2.2 #14), with Parquet a boolean rather than a type", () => {
    const names = Object.keys(cfnResourceModel.structures);
    for (const name of ['ClusterConfig', 'NetworkConfig', 'StoppingCondition', 'ConstraintsResource', 'S3Output', 'DatasetFormat', 'Csv', 'Json', 'Tag']) {
      expect(names).toContain(name);
    }
    expect(names).not.toContain('Parquet');
    expect(names).not.toContain('MonitoringClusterConfig');
    expect(cfnResourceModel.structures.DatasetFormat?.members.Parquet).toEqual({ type: 'boolean' });
  });

  it('leaves only DatasetFormat, Csv and Json open to unknown members', () => {
    const open = Object.entries(cfnResourceModel.structures)
      .filter(([, structure]) => structure.open === true)
      .map(([name]) => name);
    expect(open).toEqual(['DatasetFormat', 'Csv', 'Json']);
  });

  it("gives InstanceType the SDK's ProcessingInstanceType values, kept out of the JSON Schema", () => {
    const instanceType = cfnResourceModel.structures.ClusterConfig?.members.InstanceType;
    expect(instanceType?.type === 'string' && instanceType.enumName).toBe('ProcessingInstanceType');
    expect(instanceType?.type === 'string' ? instanceType.enum : []).toHaveLength(174);
    const schema = JSON.stringify(toJsonSchema(cfnResourceModel));
    expect(schema).not.toContain('ml.m5.xlarge');
    expect(schema).toContain('"enum":["Delete","Retain","RetainExceptOnCreate"]');
  });
});

describe('validateCfnResource', () => {
  it('is also the default export', () => {
    expect(validateDefault).toBe(validateCfnResource);
  });

  it('accepts a minimal valid resource, without JobDefinitionName (§2.2 #1)', () => {
    expect(validateCfnResource(validResource())).toBe(true);
    expect(validateCfnResource.errors).toBeNull();
    expect(errorsWith([`${P}/JobDefinitionName`, 'bias-job-1'])).toEqual([]);
    expect(errorsWith([`${P}/JobDefinitionName`, 'my_job'])).toEqual([
      { instancePath: `${P}/JobDefinitionName`, keyword: 'pattern', params: { pattern: '^(?:[a-zA-Z0-9](-*[a-zA-Z0-9])*)$' } },
    ]);
  });

  it('checks the envelope: required members, unknown keys, DeletionPolicy values', () => {
    expect(errorsWith(['/Properties', REMOVE])).toEqual([
      { instancePath: '', keyword: 'required', params: { missingProperty: 'Properties' } },
    ]);
    expect(errorsWith(['/Propertys', {}])).toEqual([
      { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'Propertys' } },
    ]);
    expect(errorsWith(['/DeletionPolicy', 'Snapshot'])).toEqual([
      { instancePath: '/DeletionPolicy', keyword: 'enum', params: { allowedValues: ['Delete', 'Retain', 'RetainExceptOnCreate'] } },
    ]);
    expect(
      errorsWith(
        ['/DeletionPolicy', 'RetainExceptOnCreate'],
        ['/UpdateReplacePolicy', 'Retain'],
        ['/Metadata', { 'aws:cdk:path': 'Stack/BiasJob/Resource' }],
        ['/DependsOn', ['Role', 'Endpoint']],
        ['/Condition', 'IsProd'],
      ),
    ).toEqual([]);
    expect(errorsWith(['/DependsOn', 'Role'])).toEqual([]);
  });

  it('accepts a top-level EndpointName, checked as CFN does: a leading letter or digit, max 63 (§2.2 #2, #12)', () => {
    expect(errorsWith([`${P}/EndpointName`, 'my-endpoint'])).toEqual([]);
    // CFN's pattern has no `$`, so everything after the first character is free.
    expect(errorsWith([`${P}/EndpointName`, 'ab_c'])).toEqual([]);
    expect(errorsWith([`${P}/EndpointName`, '_ab'])).toEqual([
      { instancePath: `${P}/EndpointName`, keyword: 'pattern', params: { pattern: '^(?:[a-zA-Z0-9][\\s\\S]*)$' } },
    ]);
    expect(errorsWith([`${P}/EndpointName`, 'a'.repeat(64)])).toEqual([
      { instancePath: `${P}/EndpointName`, keyword: 'maxLength', params: { limit: 63 } },
    ]);
  });

  it('rejects ExcludeFeaturesAttribute (§2.2 #3)', () => {
    expect(errorsWith([`${ENDPOINT_INPUT}/ExcludeFeaturesAttribute`, '1'])).toEqual([
      { instancePath: ENDPOINT_INPUT, keyword: 'additionalProperties', params: { additionalProperty: 'ExcludeFeaturesAttribute' } },
    ]);
  });

  it('takes Parquet as a boolean, and unknown keys in DatasetFormat, Csv and Json (§2.2 #4)', () => {
    const batch = `${P}/ModelBiasJobInput/BatchTransformInput`;
    expect(errorsWith([batch, batchTransformInput({ Parquet: true })])).toEqual([]);
    expect(errorsWith([batch, batchTransformInput({ Parquet: {} })])).toEqual([
      { instancePath: `${batch}/DatasetFormat/Parquet`, keyword: 'type', params: { type: 'boolean' } },
    ]);
    expect(errorsWith([batch, batchTransformInput({ Csv: { Header: true, Delimiter: ',' }, Extra: 1 })])).toEqual([]);
    expect(errorsWith([batch, batchTransformInput({ Json: { Line: 'yes' } })])).toEqual([
      { instancePath: `${batch}/DatasetFormat/Json/Line`, keyword: 'type', params: { type: 'boolean' } },
    ]);
  });

  it('requires GroundTruthS3Input.S3Uri (§2.2 #5)', () => {
    expect(errorsWith([`${P}/ModelBiasJobInput/GroundTruthS3Input/S3Uri`, REMOVE])).toEqual([
      { instancePath: `${P}/ModelBiasJobInput/GroundTruthS3Input`, keyword: 'required', params: { missingProperty: 'S3Uri' } },
    ]);
  });

  it('leaves InstanceType to its own rule (§2.2 #6)', () => {
    expect(errorsWith([`${CLUSTER}/InstanceType`, 'ml.m5.huge'])).toEqual([]);
  });

  it('limits the attribute names to 256 characters (§2.2 #7)', () => {
    expect(errorsWith([`${ENDPOINT_INPUT}/FeaturesAttribute`, 'f'.repeat(256)])).toEqual([]);
    expect(errorsWith([`${ENDPOINT_INPUT}/InferenceAttribute`, 'f'.repeat(257)])).toEqual([
      { instancePath: `${ENDPOINT_INPUT}/InferenceAttribute`, keyword: 'maxLength', params: { limit: 256 } },
    ]);
  });

  it('takes any KmsKeyId up to 2048 characters and VolumeKmsKeyId without a pattern (§2.2 #8, #9)', () => {
    expect(errorsWith([`${P}/ModelBiasJobOutputConfig/KmsKeyId`, 'alias/my key!'], [`${CLUSTER}/VolumeKmsKeyId`, 'alias/my key!'])).toEqual([]);
    expect(errorsWith([`${CLUSTER}/VolumeKmsKeyId`, 'k'.repeat(2049)])).toEqual([
      { instancePath: `${CLUSTER}/VolumeKmsKeyId`, keyword: 'maxLength', params: { limit: 2048 } },
    ]);
  });

  it('wants exactly one MonitoringOutput (§2.2 #10)', () => {
    const outputs = `${P}/ModelBiasJobOutputConfig/MonitoringOutputs`;
    expect(errorsWith([outputs, []])).toEqual([{ instancePath: outputs, keyword: 'minItems', params: { limit: 1 } }]);
    const second = { S3Output: { S3Uri: 's3://example-bucket/output-2', LocalPath: '/opt/ml/processing/output-2' } };
    expect(errorsWith([`${outputs}/1`, second])).toEqual([{ instancePath: outputs, keyword: 'maxItems', params: { limit: 1 } }]);
  });

  it('checks DataCapturedDestinationS3Uri with ([^/]+) (§2.2 #11)', () => {
    const batch = `${P}/ModelBiasJobInput/BatchTransformInput`;
    const input = batchTransformInput({ Csv: { Header: true } });
    expect(errorsWith([batch, input])).toEqual([]);
    expect(errorsWith([batch, { ...input, DataCapturedDestinationS3Uri: 's3://' }])).toEqual([
      {
        instancePath: `${batch}/DataCapturedDestinationS3Uri`,
        keyword: 'pattern',
        params: { pattern: '^(?:(https|s3)://([^/]+)/?(.*))$' },
      },
    ]);
  });

  it('anchors the CFN name patterns (§2.2 #12)', () => {
    expect(errorsWith([`${P}/ModelBiasBaselineConfig`, { BaseliningJobName: 'baseline_1' }])).toEqual([
      {
        instancePath: `${P}/ModelBiasBaselineConfig/BaseliningJobName`,
        keyword: 'pattern',
        params: { pattern: '^(?:[a-zA-Z0-9](-*[a-zA-Z0-9])*)$' },
      },
    ]);
  });

  it('takes any Environment key, any number of entries, values up to 256 characters (§2.2 #13)', () => {
    const environment = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`VAR_${index}`, 'x']));
    expect(errorsWith([`${P}/ModelBiasAppSpecification/Environment`, { ...environment, '1A': 'x', 'a-b.c': '' }])).toEqual([]);
    expect(errorsWith([`${P}/ModelBiasAppSpecification/Environment`, { A: 'v'.repeat(257) }])).toEqual([
      { instancePath: `${P}/ModelBiasAppSpecification/Environment/A`, keyword: 'maxLength', params: { limit: 256 } },
    ]);
  });

  it('limits Tags to 50 and checks keys and values with the u flag (§2.2 #16)', () => {
    const tags = Array.from({ length: 51 }, (_, index) => ({ Key: `k${index}`, Value: 'ä' }));
    expect(errorsWith([`${P}/Tags`, tags.slice(0, 50)])).toEqual([]);
    expect(errorsWith([`${P}/Tags`, tags])).toEqual([{ instancePath: `${P}/Tags`, keyword: 'maxItems', params: { limit: 50 } }]);
    expect(errorsWith([`${P}/Tags`, [{ Key: '', Value: 'a!' }]])).toEqual([
      { instancePath: `${P}/Tags/0/Key`, keyword: 'minLength', params: { limit: 1 } },
      { instancePath: `${P}/Tags/0/Value`, keyword: 'pattern', params: { pattern: '^(?:([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*))$' } },
    ]);
  });

  it('bounds StoppingCondition, InstanceCount and VolumeSizeInGB', () => {
    expect(errorsWith([`${P}/StoppingCondition`, {}])).toEqual([
      { instancePath: `${P}/StoppingCondition`, keyword: 'required', params: { missingProperty: 'MaxRuntimeInSeconds' } },
    ]);
    expect(errorsWith([`${P}/StoppingCondition`, { MaxRuntimeInSeconds: 86401 }])).toEqual([
      { instancePath: `${P}/StoppingCondition/MaxRuntimeInSeconds`, keyword: 'maximum', params: { comparison: '<=', limit: 86400 } },
    ]);
    expect(errorsWith([`${CLUSTER}/InstanceCount`, 101], [`${CLUSTER}/VolumeSizeInGB`, 0])).toEqual([
      { instancePath: `${CLUSTER}/InstanceCount`, keyword: 'maximum', params: { comparison: '<=', limit: 100 } },
      { instancePath: `${CLUSTER}/VolumeSizeInGB`, keyword: 'minimum', params: { comparison: '>=', limit: 1 } },
    ]);
  });
});

describe('scripts/data/cfn-constraints.json', () => {
  /** Each entry (or items/keys/values part) that records CloudFormation's pattern, with the pattern stored. */
  async function patternEntries(): Promise<{ where: string; cfnPattern: string; pattern: string | undefined }[]> {
    const table: unknown = JSON.parse(await readFile(repoFile('scripts/data/cfn-constraints.json'), 'utf8'));
    const found: { where: string; cfnPattern: string; pattern: string | undefined }[] = [];
    const collect = (value: unknown, where: string): void => {
      if (typeof value !== 'object' || value === null) return;
      const entry = value as Record<string, unknown>;
      if (typeof entry.cfnPattern === 'string') {
        found.push({ where, cfnPattern: entry.cfnPattern, pattern: typeof entry.pattern === 'string' ? entry.pattern : undefined });
      }
      for (const [key, item] of Object.entries(entry)) collect(item, `${where}.${key}`);
    };
    collect(table, '');
    return found;
  }

  it('stores patterns that, anchored, accept what CloudFormation accepts searching unanchored', async () => {
    const probes = [
      '', 'a', 'A9', 'ab_c', '_ab', 'a-b', 'a--b', 'ab-', '-a', 'a\nb', 'a\n', 'ä', '!', 'a b',
      'P', 'PT1H', '-PT1H', 'xP', 'xyP', '\nP', 'P\n',
      's3://', 's3://b', 's3://bucket/key', 'https://host/p', 'ftp://b/k', 's3://bucket/\n',
      'sg-0123abcd', 'sg_1', '__', '-', 'subnet 1',
      'arn:aws:iam::123456789012:role/Role', 'arn:aws:iam::123456789012:role/Role\n', 'x arn:aws:iam::123456789012:role/R',
      'key:=+@/.', 'key!',
    ];
    const entries = await patternEntries();
    expect(entries.length).toBeGreaterThan(20);
    for (const { where, cfnPattern, pattern } of entries) {
      const cfn = new RegExp(cfnPattern, 'u');
      const ours = new RegExp(`^(?:${pattern ?? '[\\s\\S]*'})$`, 'u');
      for (const probe of probes) {
        expect(ours.test(probe), `${where}: ${JSON.stringify(probe)} against ${cfnPattern}`).toBe(cfn.test(probe));
      }
    }
  });
});
