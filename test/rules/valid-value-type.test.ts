import rule from '../../src/rules/valid-value-type.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    // A double member takes an integer too; an integer member written as 30 (not "30").
    { file: 'inline-numbers.json', code: '{"ModelBiasJobInput": {"EndpointInput": {"ProbabilityThresholdAttribute": 1}}, "JobResources": {"ClusterConfig": {"VolumeSizeInGB": 30}}}' },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 6, column: 20, endLine: 6, endColumn: 23, message: 'InstanceCount must be an integer, not the string "2".' },
        { line: 8, column: 21, endLine: 8, endColumn: 24, message: 'VolumeSizeInGB must be an integer, not the fraction 2.5.' },
        { line: 10, column: 27, endLine: 10, endColumn: 34, message: 'EnableNetworkIsolation must be a boolean, not the string "false".' },
        { line: 12, column: 23, endLine: 12, endColumn: 25, message: 'SecurityGroupIds must be a list, not an object.' },
      ],
    },
    {
      file: 'request.json',
      findings: [
        { line: 5, column: 36, endLine: 5, endColumn: 39, message: 'Environment["MAX_RECORDS"] must be a string, not the number 100.' },
        { line: 8, column: 27, endLine: 8, endColumn: 31, message: 'GroundTruthS3Input must be an object, not null.' },
        { line: 9, column: 39, message: 'EndpointName must be a string, not the number 42.' },
        { line: 9, column: 117, message: 'ProbabilityThresholdAttribute must be a number, not the string "0.5".' },
        { line: 11, column: 37, endLine: 11, endColumn: 59, message: 'ClusterConfig must be an object, not a list.' },
        { line: 12, column: 37, message: 'Tags[0].Value must be a string, not the boolean true.' },
      ],
    },
    {
      file: 'flow.yaml',
      findings: [
        { line: 1, column: 49, endLine: 1, endColumn: 60, message: 'S3Uri must be a string, not a list.' },
        { line: 2, column: 47, endLine: 2, endColumn: 50, message: 'InstanceCount must be an integer, not the string "3".' },
        { line: 3, column: 42, message: 'MaxRuntimeInSeconds must be an integer, not the fraction 1800.5.' },
        // YAML 1.2 core schema: True is a boolean, yes is a string.
        { line: 4, column: 86, endLine: 4, endColumn: 89, message: 'EnableNetworkIsolation must be a boolean, not the string "yes".' },
      ],
    },
    {
      file: 'crlf.yaml',
      findings: [
        // The span ends at the end of the last line's text, before its CRLF.
        { line: 5, column: 5, endLine: 7, endColumn: 43, message: 'MonitoringOutputs must be a list, not an object.' },
        { line: 12, column: 9, endLine: 12, endColumn: 14, message: 'SecurityGroupIds[1] must be a string, not the number 12345.' },
        { line: 13, column: 14, message: 'Subnets must be a list, not the string "subnet-0123456789abcdef0".' },
      ],
    },
    {
      file: 'bom-tabs.json',
      findings: [
        { line: 4, column: 91, endLine: 4, endColumn: 95, message: 'VolumeSizeInGB must be an integer, not the string "30".' },
        { line: 6, column: 43, message: 'KmsKeyId must be a string, not the number 7.' },
      ],
    },
    {
      file: 'multi-document.yaml',
      findings: [{ line: 9, column: 81, endLine: 9, endColumn: 85, message: 'VolumeSizeInGB must be an integer, not the string "30GB".' }],
    },
    {
      file: 'inline-null-structure.yaml',
      code: 'ModelBiasJobInput: ~\n',
      findings: [{ line: 1, column: 20, endLine: 1, endColumn: 21, message: 'ModelBiasJobInput must be an object, not null.' }],
    },
    {
      file: 'template.yaml',
      findings: [
        // CloudFormation's Parquet is a boolean, where the API's is an empty structure.
        { line: 15, column: 37, endLine: 15, endColumn: 39, message: 'Parquet must be a boolean, not an object.' },
        // "1" and "false" are converted by CloudFormation; "30GB" and yes (a string in YAML 1.2) are not.
        { line: 29, column: 27, endLine: 29, endColumn: 31, message: 'VolumeSizeInGB must be an integer, not the string "30GB".' },
        { line: 32, column: 48, message: 'EnableInterContainerTrafficEncryption must be a boolean, not the string "yes".' },
        { line: 34, column: 30, endLine: 34, endColumn: 36, message: 'MaxRuntimeInSeconds must be an integer, not the fraction 1800.5.' },
        { line: 38, column: 7, endLine: 38, endColumn: 72, message: 'Properties must be an object, not a list.' },
      ],
    },
    {
      // Each allowed value of a parameter is judged, and reported where it is written.
      file: 'template-parameter.json',
      findings: [
        {
          line: 7,
          column: 42,
          endLine: 7,
          endColumn: 51,
          message:
            'EnableNetworkIsolation must be a boolean, not the string "enabled" (from parameter NetworkIsolation, used by Properties.NetworkConfig.EnableNetworkIsolation).',
        },
        {
          line: 9,
          column: 50,
          endLine: 9,
          endColumn: 57,
          message:
            'VolumeSizeInGB must be an integer, not the string "30 GB" (from parameter VolumeSize, used by Properties.JobResources.ClusterConfig.VolumeSizeInGB).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        { line: 8, column: 24, endLine: 8, endColumn: 27, message: 'InstanceCount must be an integer, not a list (construct BiasStack/BadBias).' },
      ],
    },
  ],
});
