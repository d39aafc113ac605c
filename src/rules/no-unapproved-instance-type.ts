import { defineRule } from '../rule-support/define-rule.js';
import { instanceTypeValues, judgeInstanceType } from '../rule-support/instance-types.js';
import { listWords, quote } from '../values.js';

export interface Options {
  allowed: string[];
}

export default defineRule<Options>({
  id: 'no-unapproved-instance-type',
  title: 'Use only the instance types your team approves',
  description: '`InstanceType` is one of the types listed in the `allowed` option (an empty list allows any).',
  severity: 'off',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Instance types decide what a monitoring schedule costs, hour after hour, and whether the account has ' +
      'quota for it: SageMaker limits instances per type and region in Service Quotas, and a job whose type has ' +
      'no quota fails with `ResourceLimitExceeded` when it runs ([SageMaker endpoints and quotas](https://docs.aws.amazon.com/general/latest/gr/sagemaker.html), ' +
      '[MonitoringClusterConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringClusterConfig.html)). ' +
      'Teams that budget and request quota for a few types list them here. The rule is off until configured; ' +
      'types are compared exactly, and a type that is not valid at all is left to `valid-instance-type`.',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowed: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'The instance types jobs may use, such as "ml.m5.xlarge"; an empty list allows any.',
        },
      },
      additionalProperties: false,
    },
    defaults: { allowed: [] },
    example: { allowed: ['ml.m5.xlarge', 'ml.m5.2xlarge'] },
  },
  reads: ['/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    const { allowed } = context.options;
    if (allowed.length === 0) return;
    for (const { pointer, value, listed } of instanceTypeValues(context.model, context.value)) {
      if (context.isUnknown(pointer) || allowed.includes(value)) continue;
      // A misspelt type or a size its family does not come in is valid-instance-type's finding.
      if (judgeInstanceType(value, listed).kind !== 'listed') continue;
      context.report({
        at: pointer,
        message: `InstanceType ${quote(value)} is not an approved instance type; use ${listWords(allowed.map((type) => quote(type)), 'or')}.`,
      });
    }
  },
});
