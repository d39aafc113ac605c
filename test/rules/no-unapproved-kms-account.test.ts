import rule from '../../src/rules/no-unapproved-kms-account.js';
import { testRule } from '../support/rule-tester.js';

// The cases run with the rule's example options: { accounts: ['123456789012'] }.
const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';
const outOfAccount = (member: string, arn: string, account: string, note = ''): string =>
  `${member} "${arn}" is in account ${account}, which is not approved; use a key of account 123456789012${note}.`;

const FOREIGN_KEY = `ModelBiasJobInput: {}\nModelBiasJobOutputConfig: {KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/${KEY}'}\n`;

testRule(rule, {
  valid: [
    // No account is required by default: the rule does nothing until configured.
    { file: 'inline-defaults.yaml', code: FOREIGN_KEY, options: {} },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        {
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 96,
          message: outOfAccount('VolumeKmsKeyId', `arn:aws:kms:us-east-1:111122223333:key/${KEY}`, '111122223333'),
        },
      ],
    },
    {
      // Alias ARNs name their account too.
      file: 'request.json',
      findings: [
        {
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 78,
          message: outOfAccount('KmsKeyId', 'arn:aws:kms:eu-west-1:444455556666:alias/monitoring-reports', '444455556666'),
        },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        {
          line: 16,
          column: 13,
          endLine: 16,
          endColumn: 88,
          message: outOfAccount('KmsKeyId', 'arn:aws:kms:us-west-2:999988887777:key/mrk-1234abcd12ab34cd56ef1234567890ab', '999988887777'),
        },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 99,
          message: outOfAccount(
            'KmsKeyId',
            'arn:aws:kms:us-east-1:111122223333:alias/reports',
            '111122223333',
            ' (from parameter ReportKey, used by Properties.ModelBiasJobOutputConfig.KmsKeyId)',
          ),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 95,
          message: outOfAccount('KmsKeyId', `arn:aws:kms:us-east-1:210987654321:key/${KEY}`, '210987654321', ' (construct BiasStack/BadBias)'),
        },
      ],
    },
    {
      file: 'inline-two-accounts.yaml',
      code: FOREIGN_KEY,
      options: { accounts: ['123456789012', '210987654321'] },
      findings: [
        {
          line: 2,
          column: 38,
          message:
            `KmsKeyId "arn:aws:kms:us-east-1:111122223333:key/${KEY}" is in account 111122223333, which is not approved; ` +
            'use a key of account 123456789012 or 210987654321.',
        },
      ],
    },
  ],
});
