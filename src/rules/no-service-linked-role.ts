import { defineRule } from '../rule-support/define-rule.js';
import { judgeableValue } from '../rule-support/judgeable.js';
import { judgeRoleArn, SERVICE_LINKED_ROLE_PATH } from '../rule-support/role-arns.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'no-service-linked-role',
  title: 'Do not give a service-linked role',
  description: '`RoleArn` is not a service-linked role (path `/aws-service-role/`).',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A service-linked role is predefined by the service it is linked to, which alone may assume it ' +
      '([Using service-linked roles](https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html)); ' +
      'its path is `/aws-service-role/`. SageMaker runs monitoring jobs with the execution role in `RoleArn`, ' +
      'which must trust `sagemaker.amazonaws.com` ([SageMaker execution roles]' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html)), so a service-linked role, even ' +
      'SageMaker\'s own, makes the job fail to start.',
  },
  reads: ['/RoleArn'],
  check(context) {
    const pointer = `${context.propertiesPointer}/RoleArn`;
    const text = judgeableValue(context, pointer);
    if (typeof text !== 'string') return;
    const verdict = judgeRoleArn(text);
    // A malformed ARN is valid-role-arn's one finding.
    if (!('arn' in verdict) || !verdict.arn.path.startsWith(SERVICE_LINKED_ROLE_PATH)) return;
    // The path names the service the role is linked to: /aws-service-role/autoscaling.amazonaws.com/.
    const service = verdict.arn.path.slice(SERVICE_LINKED_ROLE_PATH.length).split('/')[0];
    context.report({
      at: pointer,
      message:
        `RoleArn ${quote(text)} is a service-linked role${service ? ` (of ${service})` : ''}, which SageMaker jobs ` +
        'cannot assume; use an execution role that trusts sagemaker.amazonaws.com.',
    });
  },
});
