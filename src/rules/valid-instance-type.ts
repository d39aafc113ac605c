import { defineRule } from '../rule-support/define-rule.js';
import { instanceTypeValues, judgeInstanceType } from '../rule-support/instance-types.js';
import { memberLabel } from '../rule-support/labels.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'valid-instance-type',
  title: 'Use an instance type SageMaker processing offers',
  description:
    '`InstanceType` is written exactly as in the API\'s `ProcessingInstanceType` list: lower case, no blanks, ' +
    'the `ml.` prefix, and a size its family comes in.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Monitoring jobs run as SageMaker processing jobs, and `ClusterConfig.InstanceType` must be one of the ' +
      '`ProcessingInstanceType` values of the API model (174 in the bundled list). Values are case-sensitive: ' +
      '`ML.M5.XLARGE`, `ml.m5.xlarge ` (trailing blank) and `m5.xlarge` (the EC2 name) are all rejected, as is a ' +
      'size the family does not come in (`ml.m5.medium`). A well-formed type of a family that is not in the ' +
      'list is left to `no-unknown-instance-family`, since new families appear every few months.',
  },
  reads: ['/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    for (const { pointer, value, listed } of instanceTypeValues(context.model, context.value)) {
      const verdict = judgeInstanceType(value, listed);
      const label = `${memberLabel(context.model, pointer)} ${quote(value)}`;
      switch (verdict.kind) {
        case 'misspelt':
          context.report({ at: pointer, message: `${label} is not a valid instance type; did you mean "${verdict.suggestion}"?` });
          break;
        case 'unknown-size':
          context.report({
            at: pointer,
            message: `${label} is not a valid instance type: the ${verdict.family} family comes in ${verdict.sizes.join(', ')}.`,
          });
          break;
        case 'malformed':
          context.report({
            at: pointer,
            message:
              `${label} is not a valid instance type` +
              (verdict.suggestion === undefined
                ? ' (expected ml.<family>.<size>, such as "ml.m5.xlarge").'
                : `; did you mean "${verdict.suggestion}"?`),
          });
          break;
        case 'listed':
        case 'unknown-family':
          break;
      }
    }
  },
});
