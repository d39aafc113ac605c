import rule from '../../src/rules/no-gpu-instance-type.js';
import { testRule } from '../support/rule-tester.js';

const gpu = (instanceType: string, note = ''): string =>
  `InstanceType "${instanceType}" is a GPU instance, but Clarify computes bias metrics on the CPU; ` +
  `use a CPU type such as "ml.m5.xlarge", the SageMaker SDK's default${note}.`;

testRule(rule, {
  invalid: [
    { file: 'example.yaml', findings: [{ line: 6, column: 19, endLine: 6, endColumn: 31, message: gpu('ml.g5.xlarge') }] },
    { file: 'request.json', findings: [{ line: 5, column: 60, endLine: 5, endColumn: 75, message: gpu('ml.p3.2xlarge') }] },
    {
      file: 'template.yaml',
      findings: [{ line: 15, column: 38, endLine: 15, endColumn: 52, message: gpu('ml.g4dn.xlarge') }],
    },
    {
      // Every allowed value is judged; the GPU one is pointed at.
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 102,
          endLine: 4,
          endColumn: 116,
          message: gpu('ml.g6.xlarge', ' (from parameter InstanceType, used by Properties.JobResources.ClusterConfig.InstanceType)'),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 9, column: 23, endLine: 9, endColumn: 38, message: gpu('ml.p5.4xlarge', ' (construct BiasStack/BadBias)') }],
    },
    {
      file: 'inline-g7e.yaml',
      code: 'ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {InstanceType: ml.g7e.2xlarge}}\n',
      findings: [{ line: 2, column: 46, message: gpu('ml.g7e.2xlarge') }],
    },
  ],
});
