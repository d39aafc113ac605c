import rule from '../../src/rules/no-volume-kms-alias.js';
import { testRule } from '../support/rule-tester.js';

const alias = (value: string, form: 'alias name' | 'alias ARN'): string =>
  `VolumeKmsKeyId "${value}" names the key by an ${form}, which SageMaker does not document for storage volumes: use the key id or key ARN.`;

/** A message with the note the engine adds before its final period (where the value came from, the CDK construct). */
const withNote = (message: string, note: string): string => `${message.slice(0, -1)} (${note}).`;

testRule(rule, {
  invalid: [
    { file: 'example.yaml', findings: [{ line: 9, column: 21, endLine: 9, endColumn: 44, message: alias('alias/monitoring-volume', 'alias name') }] },
    {
      // The output key's alias is fine.
      file: 'request.json',
      findings: [
        {
          line: 22,
          column: 25,
          endLine: 22,
          endColumn: 85,
          message: alias('arn:aws:kms:us-east-1:123456789012:alias/monitoring-volume', 'alias ARN'),
        },
      ],
    },
    {
      // The second Fn::If branch.
      file: 'template.yaml',
      findings: [{ line: 33, column: 119, endLine: 33, endColumn: 139, message: alias('alias/monitoring-dev', 'alias name') }],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 74,
          message: withNote(
            alias('alias/monitoring-volume', 'alias name'),
            'from parameter VolumeKey, used by Properties.JobResources.ClusterConfig.VolumeKmsKeyId',
          ),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 50,
          message: withNote(alias('alias/monitoring-volume', 'alias name'), 'construct BiasStack/BadBias'),
        },
      ],
    },
    {
      // An AWS managed alias too.
      file: 'inline-aws-managed.yaml',
      code: 'ModelBiasJobInput: {}\nJobResources: {ClusterConfig: {InstanceType: ml.m5.xlarge, VolumeKmsKeyId: alias/aws/ebs}}\n',
      findings: [{ line: 2, column: 76, endLine: 2, endColumn: 89, message: alias('alias/aws/ebs', 'alias name') }],
    },
  ],
});
