import rule from '../../src/rules/require-output-kms-key.js';
import { testRule } from '../support/rule-tester.js';

const MISSING =
  'ModelBiasJobOutputConfig has no KmsKeyId: set it to a customer managed KMS key, so that the reports written to S3 ' +
  'are encrypted with a key you control.';

/** A message with the note the engine adds before its final period (the CDK construct). */
const withNote = (message: string, note: string): string => `${message.slice(0, -1)} (${note}).`;

testRule(rule, {
  invalid: [
    // At the key of ModelBiasJobOutputConfig.
    { file: 'example.yaml', findings: [{ line: 2, column: 1, endLine: 2, endColumn: 25, message: MISSING }] },
    { file: 'request.json', findings: [{ line: 11, column: 3, endLine: 11, endColumn: 29, message: MISSING }] },
    {
      file: 'template.yaml',
      findings: [
        { line: 21, column: 7, endLine: 21, endColumn: 31, message: MISSING },
        // Where an Fn::If removes the key, at the `!Ref 'AWS::NoValue'` of that branch.
        { line: 40, column: 57, endLine: 40, endColumn: 76, message: MISSING },
      ],
    },
    { file: 'template.json', findings: [{ line: 13, column: 9, endLine: 13, endColumn: 35, message: MISSING }] },
    {
      file: 'cdk.json',
      findings: [{ line: 32, column: 5, endLine: 32, endColumn: 31, message: withNote(MISSING, 'construct BiasStack/BadBias') }],
    },
    {
      file: 'inline-flow.yaml',
      code: 'ModelBiasJobInput: {}\nModelBiasJobOutputConfig: {MonitoringOutputs: []}\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 25, message: MISSING }],
    },
  ],
});
