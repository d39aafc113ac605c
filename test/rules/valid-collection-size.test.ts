import rule from '../../src/rules/valid-collection-size.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    // A map of exactly 50 entries written in one flow mapping.
    {
      file: 'inline-environment-50.json',
      code: `{"ModelBiasAppSpecification": {"Environment": {${Array.from({ length: 50 }, (_, i) => `"V${i}": ""`).join(', ')}}}}\n`,
    },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        // Sizes are reported at the collection's key; a list of exactly one says "exactly".
        { line: 5, column: 3, endLine: 5, endColumn: 20, message: 'MonitoringOutputs has 2 items; expected exactly 1.' },
        { line: 14, column: 5, endLine: 14, endColumn: 21, message: 'SecurityGroupIds has 0 items; expected at least 1.' },
      ],
    },
    {
      file: 'empty-outputs-flow.yaml',
      findings: [
        { line: 2, column: 29, endLine: 2, endColumn: 46, message: 'MonitoringOutputs has 0 items; expected exactly 1.' },
        { line: 3, column: 30, message: 'SecurityGroupIds has 6 items; expected at most 5.' },
        { line: 4, column: 4, endLine: 4, endColumn: 11, message: 'Subnets has 17 items; expected at most 16.' },
      ],
    },
    {
      file: 'too-many.json',
      findings: [
        // A JSON key's span includes its quotes.
        { line: 4, column: 5, endLine: 4, endColumn: 18, message: 'Environment has 51 entries; expected at most 50.' },
        { line: 58, column: 3, endLine: 58, endColumn: 9, message: 'Tags has 51 items; expected at most 50.' },
      ],
    },
    {
      file: 'inline-empty-subnets.yaml',
      code: 'ModelBiasJobInput: {}\nNetworkConfig:\n  VpcConfig: {SecurityGroupIds: [sg-1], Subnets: []}\n',
      findings: [{ line: 3, column: 41, endLine: 3, endColumn: 48, message: 'Subnets has 0 items; expected at least 1.' }],
    },
    {
      file: 'template.yaml',
      findings: [
        // The upstream schema's minLength/maxLength on this list bind nothing; the service takes exactly one output.
        { line: 16, column: 9, endLine: 16, endColumn: 26, message: 'MonitoringOutputs has 2 items; expected exactly 1.' },
        { line: 30, column: 11, endLine: 30, endColumn: 27, message: 'SecurityGroupIds has 0 items; expected at least 1.' },
      ],
    },
    {
      // A list from an Fn::If branch is pointed at in that branch; a parameter's five ids are within bounds.
      file: 'template-parameter.json',
      findings: [{ line: 31, column: 138, endLine: 31, endColumn: 140, message: 'Subnets has 0 items; expected at least 1.' }],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 27,
          column: 6,
          endLine: 27,
          endColumn: 25,
          message: 'MonitoringOutputs has 0 items; expected exactly 1 (construct BiasStack/BadBias).',
        },
      ],
    },
  ],
});
