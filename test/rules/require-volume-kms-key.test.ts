import rule from '../../src/rules/require-volume-kms-key.js';
import { testRule } from '../support/rule-tester.js';

const MISSING =
  'ClusterConfig has no VolumeKmsKeyId: set it to a customer managed KMS key, so that the job\'s storage volume is ' +
  'encrypted with a key you control.';

/** A message with the note the engine adds before its final period (the CDK construct). */
const withNote = (message: string, note: string): string => `${message.slice(0, -1)} (${note}).`;

testRule(rule, {
  invalid: [
    // At the key of ClusterConfig.
    { file: 'example.yaml', findings: [{ line: 5, column: 3, endLine: 5, endColumn: 16, message: MISSING }] },
    { file: 'request.json', findings: [{ line: 18, column: 5, endLine: 18, endColumn: 20, message: MISSING }] },
    {
      // ml.g5 has local storage; ML.R5.LARGE is judged as ml.r5.large.
      file: 'multi-document.yaml',
      findings: [
        { line: 6, column: 16, endLine: 6, endColumn: 29, message: MISSING },
        { line: 9, column: 16, endLine: 9, endColumn: 29, message: MISSING },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        // Once: for the parameter's Default (ml.m5.xlarge), not for its allowed ml.g5.xlarge.
        { line: 32, column: 9, endLine: 32, endColumn: 22, message: MISSING },
        // Where an Fn::If removes the key, at the `!Ref 'AWS::NoValue'` of that branch.
        { line: 57, column: 65, endLine: 57, endColumn: 84, message: MISSING },
      ],
    },
    { file: 'template.json', findings: [{ line: 20, column: 11, endLine: 20, endColumn: 26, message: MISSING }] },
    {
      file: 'cdk.json',
      findings: [{ line: 7, column: 6, endLine: 7, endColumn: 21, message: withNote(MISSING, 'construct BiasStack/BadBias') }],
    },
    {
      file: 'inline-unknown-family.yaml',
      code: 'ModelBiasJobInput: {}\nJobResources:\n  ClusterConfig: {InstanceType: ml.m9.xlarge}\n',
      findings: [{ line: 3, column: 3, endLine: 3, endColumn: 16, message: MISSING }],
    },
  ],
});
