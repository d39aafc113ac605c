import rule from '../../src/rules/require-network-isolation.js';
import { testRule } from '../support/rule-tester.js';

const FALSE = 'EnableNetworkIsolation is false, so the job\'s containers can call the internet; set EnableNetworkIsolation: true';
const UNSET = 'NetworkConfig does not set EnableNetworkIsolation, so the job\'s containers can call the internet; set EnableNetworkIsolation: true';

testRule(rule, {
  valid: [
    { file: 'inline-isolated.yaml', code: 'ModelBiasJobInput: {}\nNetworkConfig: {EnableNetworkIsolation: true}\n' },
    // A misspelt flag is no-unknown-members' finding, with its "did you mean": one defect, one finding.
    { file: 'inline-misspelt.yaml', code: 'ModelBiasJobInput: {}\nNetworkConfig: {enableNetworkIsolation: true}\n' },
    // A NetworkConfig of the wrong type is valid-value-type's finding.
    { file: 'inline-list.yaml', code: 'ModelBiasJobInput: {}\nNetworkConfig: [EnableNetworkIsolation]\n' },
    // A template resource without Properties is require-members' finding.
    { file: 'inline-no-properties.yaml', code: 'Resources:\n  BiasJob:\n    Type: AWS::SageMaker::ModelBiasJobDefinition\n' },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [{ line: 6, column: 27, endLine: 6, endColumn: 32, message: `${FALSE}.` }],
    },
    {
      // No NetworkConfig: reported at the request's first line.
      file: 'missing-network-config.json',
      findings: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          message: 'The request has no NetworkConfig, so the job\'s containers can call the internet; add NetworkConfig and set EnableNetworkIsolation: true.',
        },
      ],
    },
    {
      // The flag is missing: reported at the NetworkConfig key.
      file: 'missing-flag.yaml',
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 14, message: `${UNSET}.` }],
    },
    {
      file: 'flow-crlf.yaml',
      findings: [{ line: 2, column: 42, endLine: 2, endColumn: 47, message: `${FALSE}.` }],
    },
    {
      file: 'template.yaml',
      findings: [
        {
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 15,
          message: 'Resource BiasJob has no NetworkConfig, so the job\'s containers can call the internet; add NetworkConfig and set EnableNetworkIsolation: true.',
        },
        // The branch written 'false' (a string CloudFormation reads as false), where it is written.
        { line: 25, column: 52, endLine: 25, endColumn: 59, message: `${FALSE}.` },
        { line: 31, column: 7, endLine: 31, endColumn: 20, message: `${UNSET}.` },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 54,
          message: `${FALSE} (from parameter Isolate, used by Properties.NetworkConfig.EnableNetworkIsolation).`,
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 19, column: 32, endLine: 19, endColumn: 37, message: `${FALSE} (construct BiasStack/BadBias).` }],
    },
  ],
});
