import rule from '../../src/rules/no-unapproved-instance-type.js';
import { testRule } from '../support/rule-tester.js';

// The cases run with the rule's example options: { allowed: ['ml.m5.xlarge', 'ml.m5.2xlarge'] }.
const unapproved = (instanceType: string, note = ''): string =>
  `InstanceType "${instanceType}" is not an approved instance type; use "ml.m5.xlarge" or "ml.m5.2xlarge"${note}.`;

/** A one-line request whose InstanceType starts at column 46 of line 2. */
const request = (instanceType: string): string => `ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {InstanceType: ${instanceType}}}\n`;

testRule(rule, {
  valid: [
    // By default any type is approved: the rule does nothing until configured.
    { file: 'inline-defaults.yaml', code: request('ml.c5.xlarge'), options: {} },
  ],
  invalid: [
    { file: 'example.yaml', findings: [{ line: 6, column: 19, endLine: 6, endColumn: 31, message: unapproved('ml.c5.xlarge') }] },
    { file: 'request.json', findings: [{ line: 5, column: 60, endLine: 5, endColumn: 75, message: unapproved('ml.m5.4xlarge') }] },
    {
      file: 'template.yaml',
      findings: [{ line: 15, column: 53, endLine: 15, endColumn: 65, message: unapproved('ml.t3.medium') }],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 65,
          message: unapproved('ml.r5.large', ' (from parameter InstanceType, used by Properties.JobResources.ClusterConfig.InstanceType)'),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 9, column: 23, endLine: 9, endColumn: 36, message: unapproved('ml.m5.large', ' (construct BiasStack/BadBias)') }],
    },
    {
      // Types are compared exactly, and a one-item list is named as such.
      file: 'inline-one-allowed.yaml',
      code: request('ml.m5.2xlarge'),
      options: { allowed: ['ml.m5.xlarge'] },
      findings: [{ line: 2, column: 46, message: 'InstanceType "ml.m5.2xlarge" is not an approved instance type; use "ml.m5.xlarge".' }],
    },
  ],
});
