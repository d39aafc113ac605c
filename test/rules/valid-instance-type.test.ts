import rule from '../../src/rules/valid-instance-type.js';
import { testRule } from '../support/rule-tester.js';

/** A one-line request whose InstanceType starts at column 46. */
const request = (instanceType: string): string =>
  `ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {InstanceType: ${instanceType}}}\n`;

testRule(rule, {
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 7, column: 19, endLine: 7, endColumn: 31, message: 'InstanceType "ML.M5.XLARGE" is not a valid instance type; did you mean "ml.m5.xlarge"?' },
      ],
    },
    {
      file: 'trailing-space.json',
      findings: [
        { line: 4, column: 59, endLine: 4, endColumn: 74, message: 'InstanceType "ml.m5.xlarge " is not a valid instance type; did you mean "ml.m5.xlarge"?' },
      ],
    },
    {
      file: 'ec2-name.yaml',
      findings: [
        { line: 2, column: 65, endLine: 2, endColumn: 74, message: 'InstanceType "m5.xlarge" is not a valid instance type; did you mean "ml.m5.xlarge"?' },
      ],
    },
    {
      file: 'unknown-size-crlf.yaml',
      findings: [
        { line: 6, column: 19, endLine: 6, endColumn: 31, message: 'InstanceType "ml.p5.xlarge" is not a valid instance type: the p5 family comes in 4xlarge.' },
      ],
    },
    {
      file: 'malformed-bom-tabs.json',
      findings: [
        { line: 5, column: 20, endLine: 5, endColumn: 27, message: 'InstanceType "large" is not a valid instance type (expected ml.<family>.<size>, such as "ml.m5.xlarge").' },
      ],
    },
    {
      file: 'multi-document.yaml',
      findings: [
        { line: 5, column: 46, endLine: 5, endColumn: 57, message: 'InstanceType "ml.m5.xlarg" is not a valid instance type; did you mean "ml.m5.xlarge"?' },
      ],
    },
    {
      file: 'inline-metal.yaml',
      code: request('ml.p5.metal'),
      findings: [{ line: 2, column: 46, message: 'InstanceType "ml.p5.metal" is not a valid instance type: the p5 family comes in 4xlarge.' }],
    },
    {
      file: 'inline-known-family-missing-size.yaml',
      code: request('ml.m5.medium'),
      findings: [
        {
          line: 2,
          column: 46,
          message:
            'InstanceType "ml.m5.medium" is not a valid instance type: the m5 family comes in large, xlarge, 2xlarge, 4xlarge, 12xlarge, 24xlarge.',
        },
      ],
    },
    {
      // Not compared, in quadratic time, with every listed type for a suggestion: 20,000 characters took seconds.
      file: 'inline-very-long.yaml',
      code: request(`ml.${'x'.repeat(20_000)}`),
      findings: [
        {
          line: 2,
          column: 46,
          message: `InstanceType "ml.${'x'.repeat(73)}... is not a valid instance type (expected ml.<family>.<size>, such as "ml.m5.xlarge").`,
        },
      ],
    },
    {
      file: 'inline-ec2-name-missing-size.yaml',
      code: request('m5.medium'),
      findings: [
        {
          line: 2,
          column: 46,
          message:
            'InstanceType "m5.medium" is not a valid instance type: the m5 family comes in large, xlarge, 2xlarge, 4xlarge, 12xlarge, 24xlarge.',
        },
      ],
    },
    {
      file: 'inline-unknown-family-upper-case.yaml',
      code: request('ML.M9.XLARGE'),
      findings: [{ line: 2, column: 46, message: 'InstanceType "ML.M9.XLARGE" is not a valid instance type; did you mean "ml.m9.xlarge"?' }],
    },
    {
      file: 'inline-dashes.yaml',
      code: request('ml-m5-xlarge'),
      findings: [{ line: 2, column: 46, message: 'InstanceType "ml-m5-xlarge" is not a valid instance type; did you mean "ml.m5.xlarge"?' }],
    },
    {
      // The CloudFormation schema takes any string; the service still checks the value.
      file: 'template.yaml',
      findings: [
        { line: 30, column: 38, endLine: 30, endColumn: 48, message: 'InstanceType "m5.2xlarge" is not a valid instance type; did you mean "ml.m5.2xlarge"?' },
        {
          line: 30,
          column: 50,
          endLine: 30,
          endColumn: 62,
          message: 'InstanceType "ml.m5.medium" is not a valid instance type: the m5 family comes in large, xlarge, 2xlarge, 4xlarge, 12xlarge, 24xlarge.',
        },
        { line: 48, column: 57, endLine: 48, endColumn: 71, message: 'InstanceType "ML.C5.XLARGE" is not a valid instance type; did you mean "ml.c5.xlarge"?' },
      ],
    },
    {
      // Fn::FindInMap with a parameter as its key: every allowed key is tried, and the mapping value is pointed at.
      file: 'template-parameter.json',
      findings: [
        {
          line: 9,
          column: 28,
          endLine: 9,
          endColumn: 41,
          message:
            'InstanceType "ml.m5.xlarg" is not a valid instance type; did you mean "ml.m5.xlarge" (from mapping InstanceTypes, used by Properties.JobResources.ClusterConfig.InstanceType)?',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 9,
          column: 23,
          endLine: 9,
          endColumn: 37,
          message: 'InstanceType "ML.M5.XLARGE" is not a valid instance type; did you mean "ml.m5.xlarge" (construct BiasStack/BadBias)?',
        },
      ],
    },
  ],
});
