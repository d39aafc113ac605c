import { defineRule } from '../rule-support/define-rule.js';
import { instanceTypeValues, judgeInstanceType } from '../rule-support/instance-types.js';
import { memberLabel } from '../rule-support/labels.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'no-unknown-instance-family',
  title: 'Prefer instance families sagelint knows',
  description: 'A well-formed `InstanceType` whose family is not in the bundled `ProcessingInstanceType` list.',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'AWS adds processing instance families every few months, so a well-formed `ml.<family>.<size>` that the ' +
      'list bundled with sagelint lacks may be newer than sagelint rather than wrong. It is a warning, not an ' +
      'error: check the family against the SageMaker pricing page or a newer sagelint, and expect the service ' +
      'to reject it (`ValidationException`) if it does not exist.',
  },
  reads: ['/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    for (const { pointer, value, listed } of instanceTypeValues(context.model, context.value)) {
      const verdict = judgeInstanceType(value, listed);
      if (verdict.kind !== 'unknown-family') continue;
      context.report({
        at: pointer,
        message: `${memberLabel(context.model, pointer)} ${quote(value)} is of the family ${verdict.family}, which is not in the instance type list bundled with sagelint; it may be newer.`,
      });
    }
  },
});
