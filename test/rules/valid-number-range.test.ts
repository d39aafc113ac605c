import rule from '../../src/rules/valid-number-range.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    // JSON exponent and fraction notation for whole numbers at the maximum.
    {
      file: 'inline-notation.json',
      code: '{"ModelBiasJobInput": {}, "JobResources": {"ClusterConfig": {"InstanceCount": 1e2, "VolumeSizeInGB": 16384.0}}}\n',
    },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 9, column: 20, endLine: 9, endColumn: 21, message: 'InstanceCount 0 is less than the minimum 1.' },
        { line: 11, column: 21, endLine: 11, endColumn: 26, message: 'VolumeSizeInGB 16385 is more than the maximum 16384.' },
        { line: 13, column: 24, endLine: 13, endColumn: 29, message: 'MaxRuntimeInSeconds 86401 is more than the maximum 86400.' },
      ],
    },
    {
      file: 'out-of-range.json',
      findings: [
        { line: 4, column: 41, endLine: 4, endColumn: 44, message: 'InstanceCount 101 is more than the maximum 100.' },
        { line: 4, column: 96, message: 'VolumeSizeInGB 0 is less than the minimum 1.' },
        { line: 6, column: 49, message: 'MaxRuntimeInSeconds 0 is less than the minimum 1.' },
      ],
    },
    {
      file: 'negative-flow.yaml',
      findings: [
        // The minus sign belongs to the number and to its span.
        { line: 2, column: 48, endLine: 2, endColumn: 50, message: 'InstanceCount -1 is less than the minimum 1.' },
        { line: 2, column: 68, message: 'VolumeSizeInGB -30 is less than the minimum 1.' },
        { line: 3, column: 43, endLine: 3, endColumn: 48, message: 'MaxRuntimeInSeconds -3600 is less than the minimum 1.' },
      ],
    },
    {
      file: 'inline-exponent.json',
      code: '{"ModelBiasJobInput": {}, "StoppingCondition": {"MaxRuntimeInSeconds": 1e5}}\n',
      findings: [{ line: 1, column: 72, endLine: 1, endColumn: 75, message: 'MaxRuntimeInSeconds 100000 is more than the maximum 86400.' }],
    },
    {
      file: 'template.yaml',
      findings: [
        // Both Fn::If branches are judged.
        { line: 23, column: 39, endLine: 23, endColumn: 42, message: 'InstanceCount 200 is more than the maximum 100.' },
        // CloudFormation converts "20000" to a number, which is then out of range.
        { line: 26, column: 27, endLine: 26, endColumn: 34, message: 'VolumeSizeInGB 20000 is more than the maximum 16384.' },
        { line: 28, column: 30, endLine: 28, endColumn: 31, message: 'MaxRuntimeInSeconds 0 is less than the minimum 1.' },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 80,
          endLine: 4,
          endColumn: 83,
          message:
            'InstanceCount 101 is more than the maximum 100 (from parameter InstanceCount, used by Properties.JobResources.ClusterConfig.InstanceCount).',
        },
        {
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 57,
          message:
            'MaxRuntimeInSeconds 90000 is more than the maximum 86400 (from parameter MaxRuntime, used by Properties.StoppingCondition.MaxRuntimeInSeconds).',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        { line: 8, column: 24, endLine: 8, endColumn: 25, message: 'InstanceCount 0 is less than the minimum 1 (construct BiasStack/BadBias).' },
        { line: 10, column: 25, message: 'VolumeSizeInGB 20000 is more than the maximum 16384 (construct BiasStack/BadBias).' },
      ],
    },
  ],
});
