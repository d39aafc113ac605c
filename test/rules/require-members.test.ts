import rule from '../../src/rules/require-members.js';
import { testRule } from '../support/rule-tester.js';

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
  ],
});
