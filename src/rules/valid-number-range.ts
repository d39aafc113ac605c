import { defineRule } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'valid-number-range',
  title: 'Keep numbers within their bounds',
  description: '`InstanceCount` (1–100), `VolumeSizeInGB` (1–16384) and `MaxRuntimeInSeconds` (1–86400) are in range.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The API model bounds the job\'s resources: at most 100 instances, a volume of 1 to 16384 GB, and a run of ' +
      'at most 86400 seconds (24 hours). The AWS CLI checks only the minimums; the service rejects both ends ' +
      'with a `ValidationException`.',
  },
  check(context) {
    const violations = context.schemaViolations();
    // A fraction where an integer belongs is one defect, which valid-value-type reports.
    const mistyped = new Set(violations.filter((v) => v.keyword === 'type').map((v) => v.pointer));
    for (const violation of violations) {
      const { keyword } = violation;
      if ((keyword !== 'minimum' && keyword !== 'maximum') || mistyped.has(violation.pointer)) continue;
      const relation = keyword === 'minimum' ? 'less than the minimum' : 'more than the maximum';
      context.report({
        at: violation.pointer,
        message: `${memberLabel(context.model, violation.pointer)} ${quote(context.valueAt(violation.pointer))} is ${relation} ${String(violation.params.limit)}.`,
      });
    }
  },
});
