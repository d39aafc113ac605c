import rule from '../../src/rules/require-vpc-config.js';
import { testRule } from '../support/rule-tester.js';

const FIX = 'add VpcConfig with the SecurityGroupIds and Subnets of the VPC to run it in';
const UNSET = `NetworkConfig has no VpcConfig, so the job does not run in your VPC; ${FIX}`;

testRule(rule, {
  invalid: [
    {
      file: 'example.yaml',
      findings: [{ line: 4, column: 1, endLine: 4, endColumn: 14, message: `${UNSET}.` }],
    },
    {
      file: 'missing-network-config.json',
      findings: [
        { line: 1, column: 1, endLine: 1, endColumn: 2, message: `The request has no NetworkConfig.VpcConfig, so the job does not run in your VPC; ${FIX}.` },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        {
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 15,
          message: `Resource BiasJob has no NetworkConfig.VpcConfig, so the job does not run in your VPC; ${FIX}.`,
        },
        // The Fn::If branch that removes VpcConfig.
        { line: 22, column: 7, endLine: 22, endColumn: 20, message: `${UNSET}.` },
      ],
    },
    {
      // The Fn::If branch that removes the whole NetworkConfig.
      file: 'template.json',
      findings: [
        {
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 19,
          message: `Resource BiasJob has no NetworkConfig.VpcConfig, so the job does not run in your VPC; ${FIX}.`,
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 17, column: 5, endLine: 17, endColumn: 20, message: `${UNSET} (construct BiasStack/BadBias).` }],
    },
  ],
});
