import { defineRule } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';
import { closestName } from '../rule-support/suggest.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'valid-enum-value',
  title: 'Use the values an enum allows',
  description: '`S3InputMode`, `S3DataDistributionType` and `S3UploadMode` hold one of the values the model lists.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Enum values are case-sensitive and the service rejects any other value. `S3InputMode` is `Pipe` or `File` ' +
      '(the Python SDK documents `FastFile`, which this API does not accept), `S3DataDistributionType` is ' +
      '`FullyReplicated` or `ShardedByS3Key`, `S3UploadMode` is `Continuous` or `EndOfJob`. `InstanceType` ' +
      'has its own rules, `valid-instance-type` and `no-unknown-instance-family`.',
  },
  check(context) {
    const violations = context.schemaViolations();
    // A number or null where an enum string belongs is one defect, which valid-value-type reports.
    const mistyped = new Set(violations.filter((v) => v.keyword === 'type').map((v) => v.pointer));
    for (const violation of violations) {
      if (violation.keyword !== 'enum' || mistyped.has(violation.pointer)) continue;
      const allowed = (violation.params.allowedValues as unknown[]).map(String);
      const value = context.valueAt(violation.pointer);
      const suggestion = typeof value === 'string' ? closestName(value.trim(), allowed) : undefined;
      context.report({
        at: violation.pointer,
        message:
          `${memberLabel(context.model, violation.pointer)} ${quote(value)} is not one of ${allowed.map((v) => `"${v}"`).join(', ')}` +
          (suggestion === undefined ? '.' : `; did you mean "${suggestion}"?`),
      });
    }
  },
});
