import rule from '../../src/rules/require-inter-container-encryption.js';
import { testRule } from '../support/rule-tester.js';

const FIX = 'set EnableInterContainerTrafficEncryption: true';
const isFalse = (count: number): string =>
  `EnableInterContainerTrafficEncryption is false, so traffic between the ${count} instances is not encrypted; ${FIX}`;
const unset = (count: number): string =>
  `NetworkConfig does not set EnableInterContainerTrafficEncryption, so traffic between the ${count} instances is not encrypted; ${FIX}`;

testRule(rule, {
  valid: [
    // No InstanceCount, or one that is not a number: nothing to judge here.
    { file: 'inline-no-count.yaml', code: 'ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {}}\n' },
    { file: 'inline-zero.yaml', code: 'ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {InstanceCount: 0}}\n' },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [{ line: 7, column: 42, endLine: 7, endColumn: 47, message: `${isFalse(2)}.` }],
    },
    {
      file: 'missing-network-config.json',
      findings: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          message: `The request has no NetworkConfig, so traffic between the 4 instances is not encrypted; add NetworkConfig and ${FIX}.`,
        },
      ],
    },
    {
      file: 'missing-flag.yaml',
      findings: [{ line: 8, column: 1, endLine: 8, endColumn: 14, message: `${unset(3)}.` }],
    },
    {
      file: 'template.yaml',
      findings: [
        // InstanceCount '2', a string CloudFormation reads as a number.
        { line: 16, column: 7, endLine: 16, endColumn: 20, message: `${unset(2)}.` },
        // Only the prod branch of InstanceCount runs on more than one instance.
        { line: 30, column: 48, endLine: 30, endColumn: 55, message: `${isFalse(4)}.` },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 5,
          column: 47,
          endLine: 5,
          endColumn: 54,
          message: `${isFalse(2)} (from parameter Encrypt, used by Properties.NetworkConfig.EnableInterContainerTrafficEncryption).`,
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 17, column: 5, endLine: 17, endColumn: 20, message: `${unset(2)} (construct BiasStack/BadBias).` }],
    },
  ],
});
