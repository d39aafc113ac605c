import { readFile } from 'node:fs/promises';
import { describe, it, expect } from 'vitest';
import type { ErrorObject } from 'ajv';
import { renderGeneratedFiles } from '../scripts/generate-model.js';
import { apiRequestModel } from '../src/generated/api-request-model.js';
import validateDefault, { validateApiRequest } from '../src/generated/api-request-validator.js';
import { OPEN_ENUMS, toJsonSchema } from '../src/model/json-schema.js';
import { REMOVE, setAt, validRequest } from './support/model-values.js';

const repoFile = (file: string): URL => new URL(`../${file}`, import.meta.url);


type Finding = Pick<ErrorObject, 'instancePath' | 'keyword' | 'params'> & { propertyName?: string };

/** Validates {@link validRequest} with one value changed and returns ajv's errors, trimmed to what rules use. */
function errorsWith(pointer: string, value: unknown): Finding[] {
  const request = validRequest();
  setAt(request, pointer, value);
  const valid = validateApiRequest(request);
  const errors = (validateApiRequest.errors ?? []).map(({ instancePath, keyword, params, propertyName }) => ({
    instancePath,
    keyword,
    params,
    ...(propertyName === undefined ? {} : { propertyName }),
  }));
  expect(valid).toBe(errors.length === 0);
  return errors;
}

describe('generated files', () => {
  it('are what `npm run generate` writes now', async () => {
    for (const [file, expected] of await renderGeneratedFiles()) {
      const actual = await readFile(repoFile(file), 'utf8').catch(() => '');
      expect(actual, `${file} is stale: run \`npm run generate\``).toBe(expected);
    }
  });
});

describe('apiRequestModel', () => {
  it('walks the 21 structures reachable from the request', () => {
    expect(apiRequestModel.root).toBe('CreateModelBiasJobDefinitionRequest');
    expect(Object.keys(apiRequestModel.structures)).toHaveLength(21);
  });

  it('has the required set of reference §1.1', () => {
    expect(apiRequestModel.structures.CreateModelBiasJobDefinitionRequest?.required).toEqual([
      'JobDefinitionName',
      'ModelBiasAppSpecification',
      'ModelBiasJobInput',
      'ModelBiasJobOutputConfig',
      'JobResources',
      'RoleArn',
    ]);
  });

  it('has the 174 ProcessingInstanceType values of @aws-sdk/client-sagemaker', () => {
    const instanceType = apiRequestModel.structures.MonitoringClusterConfig?.members.InstanceType;
    expect(instanceType?.type === 'string' && instanceType.enumName).toBe('ProcessingInstanceType');
    const values = instanceType?.type === 'string' ? (instanceType.enum ?? []) : [];
    expect(values).toHaveLength(174);
    expect(new Set(values).size).toBe(174);
    expect(values).toContain('ml.m5.xlarge');
    expect(values).toContain('ml.r8i.96xlarge');
  });

  it('leaves open enums out of the JSON Schema', () => {
    expect(OPEN_ENUMS).toEqual(['ProcessingInstanceType']);
    const schema = JSON.stringify(toJsonSchema(apiRequestModel));
    expect(schema).not.toContain('ml.m5.xlarge');
    expect(schema).toContain('"enum":["File","Pipe"]');
  });
});

describe('validateApiRequest', () => {
  it('is also the default export', () => {
    expect(validateDefault).toBe(validateApiRequest);
  });

  it('accepts a minimal valid request', () => {
    expect(validateApiRequest(validRequest())).toBe(true);
    expect(validateApiRequest.errors).toBeNull();
  });

  it('reports a missing required member at its parent', () => {
    expect(errorsWith('/JobResources/ClusterConfig/VolumeSizeInGB', REMOVE)).toEqual([
      { instancePath: '/JobResources/ClusterConfig', keyword: 'required', params: { missingProperty: 'VolumeSizeInGB' } },
    ]);
  });

  it('anchors patterns', () => {
    expect(errorsWith('/JobDefinitionName', 'my_job')).toEqual([
      {
        instancePath: '/JobDefinitionName',
        keyword: 'pattern',
        params: { pattern: '^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})$' },
      },
    ]);
  });

  it('tells integers from strings and fractions, and applies bounds', () => {
    const typeError = { instancePath: '/JobResources/ClusterConfig/InstanceCount', keyword: 'type', params: { type: 'integer' } };
    expect(errorsWith('/JobResources/ClusterConfig/InstanceCount', '2')).toEqual([typeError]);
    expect(errorsWith('/JobResources/ClusterConfig/InstanceCount', 2.5)).toEqual([typeError]);
    expect(errorsWith('/JobResources/ClusterConfig/InstanceCount', 0)).toEqual([
      {
        instancePath: '/JobResources/ClusterConfig/InstanceCount',
        keyword: 'minimum',
        params: { comparison: '>=', limit: 1 },
      },
    ]);
  });

  it('compiles tag patterns with the u flag', () => {
    expect(errorsWith('/Tags', [{ Key: 'ä', Value: 'ok' }])).toEqual([]);
    expect(errorsWith('/Tags', [{ Key: 'a!', Value: '' }])).toEqual([
      {
        instancePath: '/Tags/0/Key',
        keyword: 'pattern',
        params: { pattern: '^(?:([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*))$' },
      },
    ]);
  });

  it('limits list sizes', () => {
    const second = { S3Output: { S3Uri: 's3://example-bucket/output-2', LocalPath: '/opt/ml/processing/output-2' } };
    expect(errorsWith('/ModelBiasJobOutputConfig/MonitoringOutputs/1', second)).toEqual([{ instancePath: '/ModelBiasJobOutputConfig/MonitoringOutputs', keyword: 'maxItems', params: { limit: 1 } }]);
  });

  it('checks map values and keys', () => {
    expect(errorsWith('/ModelBiasAppSpecification/Environment', { THRESHOLD: 3 })).toEqual([
      { instancePath: '/ModelBiasAppSpecification/Environment/THRESHOLD', keyword: 'type', params: { type: 'string' } },
    ]);
    // A bad key gives two errors, both at the map: the key's own (pattern), which carries the key as
    // `propertyName` on the error object, then `propertyNames` with the key in `params.propertyName`.
    expect(errorsWith('/ModelBiasAppSpecification/Environment', { '1A': 'x' })).toEqual([
      {
        instancePath: '/ModelBiasAppSpecification/Environment',
        keyword: 'pattern',
        params: { pattern: '^(?:[a-zA-Z_][a-zA-Z0-9_]*)$' },
        propertyName: '1A',
      },
      {
        instancePath: '/ModelBiasAppSpecification/Environment',
        keyword: 'propertyNames',
        params: { propertyName: '1A' },
      },
    ]);
  });

  it('rejects unknown members', () => {
    expect(errorsWith('/JobResources/ClusterConfig/InstanceTyp', 'ml.m5.xlarge')).toEqual([
      {
        instancePath: '/JobResources/ClusterConfig',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'InstanceTyp' },
      },
    ]);
  });

  it('leaves ProcessingInstanceType to its own rule but checks closed enums', () => {
    expect(errorsWith('/JobResources/ClusterConfig/InstanceType', 'ml.m5.huge')).toEqual([]);
    expect(errorsWith('/ModelBiasJobInput/EndpointInput/S3InputMode', 'FastFile')).toEqual([
      {
        instancePath: '/ModelBiasJobInput/EndpointInput/S3InputMode',
        keyword: 'enum',
        params: { allowedValues: ['File', 'Pipe'] },
      },
    ]);
  });
});

describe('scripts/data/api-constraints.json', () => {
  it('holds patterns that compile with the u flag', async () => {
    const table: unknown = JSON.parse(await readFile(repoFile('scripts/data/api-constraints.json'), 'utf8'));
    const patterns: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, item] of Object.entries(value)) {
        if (key === 'pattern' && typeof item === 'string') patterns.push(item);
        else collect(item);
      }
    };
    collect(table);
    expect(patterns.length).toBeGreaterThan(20);
    for (const pattern of patterns) {
      expect(() => new RegExp(`^(?:${pattern})$`, 'u'), pattern).not.toThrow();
    }
  });
});
