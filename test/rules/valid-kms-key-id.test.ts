import rule from '../../src/rules/valid-kms-key-id.js';
import { testRule } from '../support/rule-tester.js';

const KEY_ARN = '"arn:<partition>:kms:<region>:<account>:key/<key id>"';
const ALIAS_ARN = '"arn:<partition>:kms:<region>:<account>:alias/<name>"';
/** What the output key's messages ask for: all four forms, or the two ARN forms. */
const ANY_FORM = 'use a key id, a key ARN, an alias name ("alias/…") or an alias ARN.';
const ARN_FORMS = `use a key ARN (${KEY_ARN}) or an alias ARN (${ALIAS_ARN}).`;
const ALIAS_RULES = 'use "alias/" followed by letters, digits, "/", "_" or "-", 256 characters at most.';
const KEY_ID_RULES =
  'use a UUID such as "1234abcd-12ab-34cd-56ef-1234567890ab", or "mrk-" and 32 hex digits for a multi-Region key.';
const REGION_RULES = 'give the key\'s region, such as "us-east-1".';
const ACCOUNT_RULES = 'give the 12-digit id of the account that owns the key.';
const KEY_ID_IN_ARN = 'end it with "key/" and the key\'s UUID or its "mrk-" multi-Region id.';

/** A message with the note the engine adds before its final period (where the value came from, the CDK construct). */
const withNote = (message: string, note: string): string => `${message.slice(0, -1)} (${note}).`;

const UUID = '1234abcd-12ab-34cd-56ef-1234567890ab';

testRule(rule, {
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 56,
          message: `KmsKeyId "arn:aws:s3:::example-monitoring/keys/output" is an ARN of service "s3", not of KMS: ${ARN_FORMS}`,
        },
      ],
    },
    {
      file: 'forms.yaml',
      findings: [
        { line: 2, column: 38, endLine: 2, endColumn: 40, message: `KmsKeyId "" is not a KMS key identifier: ${ANY_FORM}` },
        { line: 4, column: 38, message: `KmsKeyId "monitoring-key" is not a KMS key identifier: ${ANY_FORM}` },
        {
          line: 6,
          column: 38,
          message: `KmsKeyId "arn:aws:iam::123456789012:role/SageMakerMonitoringRole" is an ARN of service "iam", not of KMS: ${ARN_FORMS}`,
        },
        { line: 8, column: 38, message: `KmsKeyId "arn:aws:kms:us-east-1:123456789012" is not a valid ARN: ${ARN_FORMS}` },
        {
          // Values longer than 80 characters are shortened in messages.
          line: 10,
          column: 38,
          endLine: 10,
          endColumn: 119,
          message:
            'KmsKeyId "arn:aws-foo:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-123456789... has the unknown ' +
            'partition "aws-foo": use one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc.',
        },
        { line: 12, column: 38, message: `KmsKeyId "arn:aws:kms::123456789012:key/${UUID}" names no region: ${REGION_RULES}` },
        {
          line: 14,
          column: 38,
          message: `KmsKeyId "arn:aws:kms:useast1:123456789012:key/${UUID}" names region "useast1", which is not a region name: ${REGION_RULES}`,
        },
        {
          line: 16,
          column: 38,
          message: `KmsKeyId "arn:aws:kms:cn-north-1:123456789012:key/${UUID}" names region "cn-north-1" in partition "aws": use partition "aws-cn" for that region.`,
        },
        { line: 18, column: 38, message: `KmsKeyId "arn:aws:kms:us-east-1:1234:key/${UUID}" names account "1234": ${ACCOUNT_RULES}` },
        {
          line: 20,
          column: 38,
          message: `KmsKeyId "arn:aws:kms:us-east-1:123456789012:key/monitoring" names key id "monitoring", which is not a valid key id: ${KEY_ID_IN_ARN}`,
        },
        { line: 22, column: 38, message: `KmsKeyId "arn:aws:kms:us-east-1:123456789012:alias/" names no alias: ${ALIAS_RULES}` },
        {
          line: 24,
          column: 38,
          message: `KmsKeyId "arn:aws:kms:us-east-1:123456789012:grant/1234abcd" names resource "grant/1234abcd", which is neither a key nor an alias: ${ARN_FORMS}`,
        },
        { line: 26, column: 38, endLine: 26, endColumn: 46, message: `KmsKeyId "alias/" is not a valid alias name: ${ALIAS_RULES}` },
        { line: 28, column: 38, message: `KmsKeyId "1234abcd-12ab-34cd-56ef-1234567890" is not a valid key id: ${KEY_ID_RULES}` },
        { line: 30, column: 38, message: `KmsKeyId "mrk-1234abcd12ab34cd56ef1234567890" is not a valid key id: ${KEY_ID_RULES}` },
        { line: 32, column: 38, message: `KmsKeyId "arn:aws:kms:us-east-1:123456789012:key/" names no key id: ${KEY_ID_IN_ARN}` },
      ],
    },
    {
      // The volume key's messages ask for the two forms its docs list.
      file: 'volume.yaml',
      findings: [
        { line: 8, column: 21, endLine: 8, endColumn: 42, message: 'VolumeKmsKeyId "monitoring-volume-key" is not a KMS key identifier: use a key id or a key ARN.' },
        {
          line: 16,
          column: 21,
          message: `VolumeKmsKeyId "arn:aws:s3:::example-monitoring" is an ARN of service "s3", not of KMS: use a key ARN (${KEY_ARN}).`,
        },
        { line: 24, column: 21, message: 'VolumeKmsKeyId "alias/" is not a valid alias name: use the key id or key ARN.' },
      ],
    },
    {
      file: 'request.json',
      findings: [
        { line: 15, column: 17, endLine: 15, endColumn: 59, message: `KmsKeyId "arn:aws:kms:eu-west-1:123456789012:alias" names no alias: ${ALIAS_RULES}` },
        {
          line: 22,
          column: 25,
          endLine: 22,
          endColumn: 101,
          message: `VolumeKmsKeyId "arn:aws:kms:eu-west-1:12345678901:key/${UUID}" names account "12345678901": ${ACCOUNT_RULES}`,
        },
      ],
    },
    {
      // The CloudFormation schema takes any string: this rule is the only check.
      file: 'template.yaml',
      findings: [
        { line: 24, column: 57, endLine: 24, endColumn: 80, message: `KmsKeyId "alias/monitoring output" is not a valid alias name: ${ALIAS_RULES}` },
        { line: 34, column: 27, endLine: 34, endColumn: 48, message: 'VolumeKmsKeyId "Monitoring volume key" is not a KMS key identifier: use a key id or a key ARN.' },
      ],
    },
    {
      file: 'template.json',
      findings: [
        { line: 17, column: 23, endLine: 17, endColumn: 64, message: `KmsKeyId "s3://example-monitoring/keys/output-key" is not a KMS key identifier: ${ANY_FORM}` },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 126,
          message: withNote(
            `KmsKeyId "arn:aws:sagemaker:us-east-1:123456789012:model-bias-job-definition/churn" is an ARN of service "sagemaker", not of KMS: ${ARN_FORMS}`,
            'from parameter OutputKeyArn, used by Properties.ModelBiasJobOutputConfig.KmsKeyId',
          ),
        },
      ],
    },
    {
      // A construct's logical id is not a key id: the key's Arn is what to pass.
      file: 'cdk.json',
      findings: [
        {
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 48,
          message: withNote(
            'VolumeKmsKeyId "MonitoringKeyC36CF572" is not a KMS key identifier: use a key id or a key ARN.',
            'construct BiasStack/BadBias',
          ),
        },
      ],
    },
    {
      // A literal empty string is judged, even in a template.
      file: 'inline-empty-template.yaml',
      code:
        'Resources:\n  BiasJob:\n    Type: AWS::SageMaker::ModelBiasJobDefinition\n    Properties:\n' +
        "      ModelBiasJobOutputConfig: {KmsKeyId: ''}\n",
      findings: [{ line: 5, column: 44, endLine: 5, endColumn: 46, message: `KmsKeyId "" is not a KMS key identifier: ${ANY_FORM}` }],
    },
  ],
});
