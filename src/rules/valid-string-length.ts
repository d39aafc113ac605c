import { defineRule } from '../rule-support/define-rule.js';
import { violationSubject } from '../rule-support/labels.js';
import { plural } from '../values.js';

export default defineRule({
  id: 'valid-string-length',
  title: 'Keep strings within their length limits',
  description: 'Strings (and map keys) are no shorter and no longer than the model allows.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The API model bounds string lengths: names up to 63 characters, S3 URIs up to 512 or 1024, KMS key ids ' +
      'up to 2048, tag keys 1 to 128 and values up to 256, environment names and values up to 256. The AWS CLI ' +
      'enforces only the minimums before sending; the service enforces both with a `ValidationException`.',
  },
  check(context) {
    for (const violation of context.schemaViolations()) {
      if (violation.keyword !== 'minLength' && violation.keyword !== 'maxLength') continue;
      const limit = Number(violation.params.limit);
      const { subject, text } = violationSubject(context.model, violation, context.valueAt(violation.pointer));
      const length = [...text].length;
      const bound = violation.keyword === 'minLength' ? 'at least' : 'at most';
      const expected = `${bound} ${limit} ${plural(limit, 'character')}`;
      context.report({
        at: violation.pointer,
        target: violation.isKey ? 'key' : 'value',
        message:
          length === 0
            ? `${subject} is empty; expected ${expected}.`
            : `${subject} is ${length} ${plural(length, 'character')} long; expected ${expected}.`,
      });
    }
  },
});
