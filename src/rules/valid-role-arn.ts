import { defineRule } from '../rule-support/define-rule.js';
import { judgeableValue } from '../rule-support/judgeable.js';
import { judgeRoleArn } from '../rule-support/role-arns.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'valid-role-arn',
  title: 'Give the ARN of an IAM role',
  description: '`RoleArn` is an IAM role ARN of a known partition, with an empty region, a 12-digit account and a valid path and name.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'SageMaker assumes the role `RoleArn` names to run the job ([CreateModelBiasJobDefinition]' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelBiasJobDefinition.html)). An IAM ' +
      'role ARN is `arn:{partition}:iam::{account}:role/{path}{name}`: IAM is global, so the region field is ' +
      'empty; the name has at most 64 characters and the path at most 512 ([IAM identifiers]' +
      '(https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns)). The ' +
      'model\'s pattern `arn:aws[a-z\\-]*:iam::\\d{12}:role/?…` already rejects user ARNs, other services, bare ' +
      'names, short accounts and regions (`valid-string-pattern` reports those), but accepts any partition ' +
      'starting with `aws` (`aws-foo`), `roleX` without its slash, and empty path segments; this rule catches them.',
  },
  reads: ['/RoleArn'],
  check(context) {
    const pointer = `${context.propertiesPointer}/RoleArn`;
    const text = judgeableValue(context, pointer);
    if (typeof text !== 'string') return;
    const verdict = judgeRoleArn(text);
    if ('problem' in verdict) context.report({ at: pointer, message: `RoleArn ${quote(text)} ${verdict.problem}.` });
  },
});
