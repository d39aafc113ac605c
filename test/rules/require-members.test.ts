import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-members.js';
import { FIXTURES, testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    // Flow style, every required member given.
    { file: 'inline-optional-members.yaml', code: 'JobDefinitionName: a\nModelBiasAppSpecification: {ImageUri: i, ConfigUri: s3://b/c}\nModelBiasJobInput: {GroundTruthS3Input: {}}\nModelBiasJobOutputConfig: {MonitoringOutputs: [{S3Output: {S3Uri: s3://b/o, LocalPath: /opt/ml/processing/output}}]}\nJobResources: {ClusterConfig: {InstanceCount: 1, InstanceType: ml.m5.large, VolumeSizeInGB: 1}}\nRoleArn: r\n' },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 26, message: 'ModelBiasAppSpecification is missing the required member "ConfigUri".' },
        { line: 8, column: 7, message: 'MonitoringOutputs[0].S3Output is missing the required member "LocalPath".' },
        { line: 11, column: 3, message: 'ClusterConfig is missing the required member "InstanceType".' },
        { line: 16, column: 5, message: 'Tags[0] is missing the required member "Value".' },
      ],
    },
    {
      file: 'inline-top-level.json',
      code: '{\n  "ModelBiasJobInput": {"GroundTruthS3Input": {}}\n}\n',
      findings: [
        { line: 1, column: 1, endLine: 1, endColumn: 2, message: 'The request is missing the required member "JobDefinitionName".' },
        { line: 1, column: 1, message: 'The request is missing the required member "JobResources".' },
        { line: 1, column: 1, message: 'The request is missing the required member "ModelBiasAppSpecification".' },
        { line: 1, column: 1, message: 'The request is missing the required member "ModelBiasJobOutputConfig".' },
        { line: 1, column: 1, message: 'The request is missing the required member "RoleArn".' },
      ],
    },
    {
      file: 'inputs.json',
      findings: [
        // A missing member is reported at the key of the structure that lacks it.
        { line: 5, column: 5, endLine: 5, endColumn: 20, message: 'EndpointInput is missing the required member "EndpointName".' },
        { line: 5, column: 5, message: 'EndpointInput is missing the required member "LocalPath".' },
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 26,
          message: 'BatchTransformInput is missing the required member "DataCapturedDestinationS3Uri".',
        },
        { line: 6, column: 5, message: 'BatchTransformInput is missing the required member "DatasetFormat".' },
        { line: 6, column: 5, message: 'BatchTransformInput is missing the required member "LocalPath".' },
      ],
    },
    {
      file: 'batch-transform.yaml',
      findings: [
        { line: 4, column: 3, endLine: 4, endColumn: 22, message: 'BatchTransformInput is missing the required member "DatasetFormat".' },
        { line: 4, column: 3, message: 'BatchTransformInput is missing the required member "LocalPath".' },
      ],
    },
    {
      file: 'network-and-stopping.yaml',
      findings: [
        { line: 10, column: 3, endLine: 10, endColumn: 12, message: 'VpcConfig is missing the required member "Subnets".' },
        // An empty flow mapping: the key before it is what gets pointed at.
        { line: 12, column: 1, endLine: 12, endColumn: 18, message: 'StoppingCondition is missing the required member "MaxRuntimeInSeconds".' },
      ],
    },
    {
      file: 'flow-vpc.yaml',
      findings: [
        { line: 5, column: 18, endLine: 5, endColumn: 27, message: 'VpcConfig is missing the required member "SecurityGroupIds".' },
        { line: 5, column: 18, message: 'VpcConfig is missing the required member "Subnets".' },
      ],
    },
    {
      // CRLF line ends: each "\r\n" ends one line, and the span of the root's first line stops before "\r".
      file: 'crlf.json',
      findings: [
        { line: 1, column: 1, endLine: 1, endColumn: 2, message: 'The request is missing the required member "RoleArn".' },
        { line: 5, column: 5, endLine: 5, endColumn: 20, message: 'EndpointInput is missing the required member "LocalPath".' },
        { line: 14, column: 22, endLine: 14, endColumn: 33, message: 'VpcConfig is missing the required member "SecurityGroupIds".' },
      ],
    },
    {
      // A byte order mark is not counted: "EndpointInput" starts at column 21 of line 1, not 22.
      file: 'bom.yaml',
      findings: [
        { line: 1, column: 21, endLine: 1, endColumn: 34, message: 'EndpointInput is missing the required member "LocalPath".' },
        { line: 8, column: 1, message: 'StoppingCondition is missing the required member "MaxRuntimeInSeconds".' },
      ],
    },
    {
      // Only the second document of the stream is incomplete; its top level is pointed at by its own first line.
      file: 'multi-document.yaml',
      findings: [
        { line: 15, column: 1, endLine: 15, endColumn: 36, message: 'The request is missing the required member "RoleArn".' },
        { line: 25, column: 3, endLine: 25, endColumn: 16, message: 'ClusterConfig is missing the required member "VolumeSizeInGB".' },
      ],
    },
    // CloudFormation: JobDefinitionName is optional, GroundTruthS3Input.S3Uri is required.
    {
      file: 'template.yaml',
      findings: [
        { line: 25, column: 9, endLine: 25, endColumn: 27, message: 'GroundTruthS3Input is missing the required member "S3Uri".' },
        { line: 28, column: 13, message: 'MonitoringOutputs[0].S3Output is missing the required member "LocalPath".' },
        // A resource with no Properties is pointed at by its logical id.
        { line: 35, column: 3, endLine: 35, endColumn: 15, message: 'Resource EmptyBiasJob is missing the required member "Properties".' },
      ],
    },
    {
      // The Fn::If branch that gives AWS::NoValue leaves the required RoleArn out; the finding points at that branch.
      file: 'template-parameter.json',
      findings: [{ line: 13, column: 66, endLine: 13, endColumn: 91, message: 'Properties is missing the required member "RoleArn".' }],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 7,
          column: 6,
          endLine: 7,
          endColumn: 21,
          message: 'ClusterConfig is missing the required member "VolumeSizeInGB" (construct BiasStack/BadBias).',
        },
      ],
    },
  ],
});

// An editor or a Git setting that rewrites line ends or drops the BOM would leave the cases above passing while
// testing nothing special; make that loud.
describe('require-members fixtures', () => {
  const invalid = (file: string): string => readFileSync(join(FIXTURES, 'rules', 'require-members', 'invalid', file), 'utf8');

  it('crlf.json ends every line with CRLF', () => {
    const text = invalid('crlf.json');
    expect(text.split('\r\n').length).toBe(16);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('bom.yaml starts with a byte order mark', () => {
    expect(invalid('bom.yaml').startsWith('\uFEFF')).toBe(true);
  });
});
