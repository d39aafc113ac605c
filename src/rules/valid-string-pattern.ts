import { defineRule } from '../rule-support/define-rule.js';
import { displayPattern, violationSubject } from '../rule-support/labels.js';

export default defineRule({
  id: 'valid-string-pattern',
  title: 'Match the patterns the model gives',
  description: 'Strings (and map keys) match the model\'s pattern as a whole, not just somewhere inside.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The API model writes its patterns unanchored, Smithy style, but the service validates the whole value: ' +
      '`my_job` matches `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}` somewhere inside and is still rejected as a ' +
      '`JobDefinitionName`. sagelint anchors every pattern and compiles it with the `u` flag, which the tag ' +
      'patterns need (`\\p{L}` means "any letter" only in Unicode mode). Patterns cover names, S3 URIs, KMS ' +
      'key ids, the role ARN, security group and subnet ids, environment names and tags.',
  },
  check(context) {
    const violations = context.schemaViolations();
    // A string too short for its member (empty, most often) is one defect, which valid-string-length reports.
    const tooShort = new Set(violations.filter((v) => v.keyword === 'minLength').map((v) => v.pointer));
    for (const violation of violations) {
      if (violation.keyword !== 'pattern' || tooShort.has(violation.pointer)) continue;
      const { subject } = violationSubject(context.model, violation, context.valueAt(violation.pointer));
      context.report({
        at: violation.pointer,
        target: violation.isKey ? 'key' : 'value',
        message: `${subject} does not match the pattern ${displayPattern(String(violation.params.pattern))}.`,
      });
    }
  },
});
