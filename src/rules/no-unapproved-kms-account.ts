import { parseArn } from '../rule-support/arns.js';
import { defineRule, hasSchemaViolation } from '../rule-support/define-rule.js';
import { judgeKmsKeyId, KMS_KEY_MEMBERS, KMS_KEY_POINTERS } from '../rule-support/kms-keys.js';
import { listWords, quote } from '../values.js';

export interface Options {
  accounts: string[];
}

export default defineRule<Options>({
  id: 'no-unapproved-kms-account',
  title: 'Use KMS keys from the accounts your team approves',
  description:
    'Key ARNs and alias ARNs in `KmsKeyId` and `VolumeKmsKeyId` belong to an account listed in the `accounts` ' +
    'option (an empty list allows any).',
  severity: 'off',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Whoever controls a KMS key controls the data encrypted with it: a key in another account can be disabled ' +
      'or have its policy changed by that account, locking the monitoring reports away, and a key in an ' +
      'unexpected account often means a copied ARN. Keys in another account must be named by their ARN ' +
      '([Allowing users in other accounts to use a KMS key](https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html), ' +
      '[Key identifiers](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id)), so the ' +
      'account an ARN names is where the key lives. A key id or alias name without an ARN is a key of the job\'s ' +
      'own account and is not judged; neither is an ARN that `valid-kms-key-id` reports. The rule is off until ' +
      'configured.',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        accounts: {
          type: 'array',
          items: { type: 'string', pattern: '^\\d{12}$' },
          uniqueItems: true,
          description: 'The 12-digit ids of the accounts whose KMS keys jobs may use; an empty list allows any.',
        },
      },
      additionalProperties: false,
    },
    defaults: { accounts: [] },
    example: { accounts: ['123456789012'] },
  },
  reads: KMS_KEY_POINTERS,
  check(context) {
    const { accounts } = context.options;
    if (accounts.length === 0) return;
    for (const { name, parent, acceptsAliases } of KMS_KEY_MEMBERS) {
      const pointer = `${context.propertiesPointer}${parent}/${name}`;
      const value = context.valueAt(pointer);
      if (typeof value !== 'string' || context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) continue;
      // Only well-formed ARNs: anything else is valid-kms-key-id's finding, or names no account.
      const verdict = judgeKmsKeyId(value, acceptsAliases);
      if (!verdict.valid || (verdict.form !== 'key ARN' && verdict.form !== 'alias ARN')) continue;
      const account = parseArn(value)?.accountId;
      if (account === undefined || accounts.includes(account)) continue;
      context.report({
        at: pointer,
        message:
          `${name} ${quote(value)} is in account ${account}, which is not approved; ` +
          `use a key of account ${listWords(accounts, 'or')}.`,
      });
    }
  },
});

