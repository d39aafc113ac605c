import rule from '../../src/rules/no-volume-kms-key-on-local-storage.js';
import { testRule } from '../support/rule-tester.js';

const notAllowed = (instanceType: string): string =>
  `VolumeKmsKeyId is not allowed with InstanceType "${instanceType}", whose local NVMe storage is encrypted in hardware: remove it.`;

/** A message with the note the engine adds before its final period (where the value came from, the CDK construct). */
const withNote = (message: string, note: string): string => `${message.slice(0, -1)} (${note}).`;

testRule(rule, {
  invalid: [
    // At the key of VolumeKmsKeyId: the member to remove.
    { file: 'example.yaml', findings: [{ line: 9, column: 5, endLine: 9, endColumn: 19, message: notAllowed('ml.g5.xlarge') }] },
    { file: 'request.json', findings: [{ line: 22, column: 7, endLine: 22, endColumn: 23, message: notAllowed('ml.g4dn.2xlarge') }] },
    {
      // An invalid key, an alias, an empty string: one finding each, this one.
      file: 'multi-document.yaml',
      findings: [
        { line: 3, column: 99, endLine: 3, endColumn: 113, message: notAllowed('ml.r5d.xlarge') },
        { line: 6, column: 99, endLine: 6, endColumn: 113, message: notAllowed('ml.p5.4xlarge') },
        { line: 9, column: 99, endLine: 9, endColumn: 113, message: notAllowed('ML.G6E.XLARGE') },
      ],
    },
    {
      // The Fn::If branch with ml.g6.xlarge.
      file: 'template.yaml',
      findings: [{ line: 34, column: 11, endLine: 34, endColumn: 25, message: notAllowed('ml.g6.xlarge') }],
    },
    {
      // A key from a parameter's Default is reported there.
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 129,
          message: withNote(
            notAllowed('ml.g5.2xlarge'),
            'from parameter VolumeKeyArn, used by Properties.JobResources.ClusterConfig.VolumeKmsKeyId',
          ),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        { line: 10, column: 7, endLine: 10, endColumn: 23, message: withNote(notAllowed('ml.g5.xlarge'), 'construct BiasStack/BadBias') },
      ],
    },
    {
      // A key written without a value (null) is still a key: valid-value-type reports its type.
      file: 'inline-null.yaml',
      code: 'ModelBiasJobInput: {}\nJobResources:\n  ClusterConfig:\n    InstanceType: ml.g4dn.xlarge\n    VolumeKmsKeyId:\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 19, message: notAllowed('ml.g4dn.xlarge') }],
    },
  ],
});
