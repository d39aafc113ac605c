import rule from '../../src/rules/valid-enum-value.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    // A number or null where an enum string belongs is valid-value-type's finding, not a second one here.
    { file: 'wrong-type.yaml', code: 'ModelBiasJobInput:\n  EndpointInput:\n    S3InputMode: 1\n    S3DataDistributionType: null\n' },
    // InstanceType is an open enum, judged by valid-instance-type and no-unknown-instance-family.
    { file: 'inline-instance-type.yaml', code: 'ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {InstanceType: ml.m9.huge}}\n' },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        // FastFile is a Python SDK mode; this API does not take it.
        { line: 6, column: 18, endLine: 6, endColumn: 26, message: 'S3InputMode "FastFile" is not one of "File", "Pipe".' },
        { line: 7, column: 29, endLine: 7, endColumn: 44, message: 'S3DataDistributionType "fullyreplicated" is not one of "FullyReplicated", "ShardedByS3Key"; did you mean "FullyReplicated"?' },
        { line: 13, column: 23, message: 'S3UploadMode "Continous" is not one of "Continuous", "EndOfJob"; did you mean "Continuous"?' },
      ],
    },
    {
      file: 'batch.json',
      findings: [
        { line: 8, column: 22, endLine: 8, endColumn: 28, message: 'S3InputMode "file" is not one of "File", "Pipe"; did you mean "File"?' },
        { line: 9, column: 33, message: 'S3DataDistributionType "ShardedByS3Prefix" is not one of "FullyReplicated", "ShardedByS3Key".' },
        { line: 12, column: 124, endLine: 12, endColumn: 136, message: 'S3UploadMode "END_OF_JOB" is not one of "Continuous", "EndOfJob"; did you mean "EndOfJob"?' },
      ],
    },
    {
      file: 'flow.yaml',
      findings: [
        // A stray blank: the span covers the quotes, the suggestion drops the blank.
        { line: 2, column: 64, endLine: 2, endColumn: 71, message: 'S3InputMode "File " is not one of "File", "Pipe"; did you mean "File"?' },
        { line: 2, column: 97, message: 'S3DataDistributionType "Replicated" is not one of "FullyReplicated", "ShardedByS3Key".' },
      ],
    },
    {
      file: 'crlf.yaml',
      findings: [{ line: 7, column: 18, endLine: 7, endColumn: 22, message: 'S3InputMode "PIPE" is not one of "File", "Pipe"; did you mean "Pipe"?' }],
    },
    {
      file: 'bom-tabs.json',
      findings: [
        { line: 3, column: 87, endLine: 3, endColumn: 103, message: 'S3DataDistributionType "ShardedByS3key" is not one of "FullyReplicated", "ShardedByS3Key"; did you mean "ShardedByS3Key"?' },
      ],
    },
    {
      file: 'multi-document.yaml',
      findings: [{ line: 5, column: 81, endLine: 5, endColumn: 86, message: 'S3UploadMode "Never" is not one of "Continuous", "EndOfJob".' }],
    },
    {
      file: 'template.yaml',
      findings: [
        // The resource's own policies are enums too.
        { line: 8, column: 21, endLine: 8, endColumn: 29, message: 'DeletionPolicy "Snapshot" is not one of "Delete", "Retain", "RetainExceptOnCreate".' },
        // CloudFormation lists the modes in this order.
        { line: 18, column: 24, endLine: 18, endColumn: 32, message: 'S3InputMode "FastFile" is not one of "Pipe", "File".' },
        // Both Fn::If branches are judged; the wrong one is pointed at.
        {
          line: 20,
          column: 64,
          endLine: 20,
          endColumn: 71,
          message: 'S3DataDistributionType "Sharded" is not one of "FullyReplicated", "ShardedByS3Key"; did you mean "ShardedByS3Key"?',
        },
        { line: 28, column: 29, message: 'S3UploadMode "endofjob" is not one of "Continuous", "EndOfJob"; did you mean "EndOfJob"?' },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 7,
          column: 41,
          endLine: 7,
          endColumn: 51,
          message:
            'S3InputMode "FastFile" is not one of "Pipe", "File" (from parameter InputMode, used by Properties.ModelBiasJobInput.EndpointInput.S3InputMode).',
        },
        {
          line: 13,
          column: 25,
          endLine: 13,
          endColumn: 44,
          message:
            'S3DataDistributionType "ShardedByS3Prefix" is not one of "FullyReplicated", "ShardedByS3Key" (from mapping Distribution, used by Properties.ModelBiasJobInput.EndpointInput.S3DataDistributionType).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        { line: 21, column: 22, endLine: 21, endColumn: 32, message: 'S3InputMode "FastFile" is not one of "Pipe", "File" (construct BiasStack/BadBias).' },
      ],
    },
  ],
});
