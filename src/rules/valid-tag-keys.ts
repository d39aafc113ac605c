import { defineRule } from '../rule-support/define-rule.js';
import { judgeableValue } from '../rule-support/judgeable.js';
import { quote } from '../values.js';

/** Reserved in any case (`aws:`, `AWS:`, `Aws:`): the AWS tagging restrictions say so. */
const RESERVED_PREFIX = /^aws:/i;

export default defineRule({
  id: 'valid-tag-keys',
  title: 'Use tag keys that are unique and not reserved by AWS',
  description: 'Tag keys do not start with the reserved `aws:` prefix, and no key is given twice.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'SageMaker\'s [Tag](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html) reference says ' +
      'tag keys "must be unique per resource", and AWS reserves the `aws:` prefix for the tags it applies ' +
      'itself: "Don\'t use `aws:`, `AWS:`, or any upper or lowercase combination of such as a prefix for either ' +
      'keys or values" ([Tag restrictions](https://docs.aws.amazon.com/batch/latest/userguide/tag-restrictions.html)). ' +
      'The model\'s tag pattern lets both through; SageMaker rejects the request and CloudFormation fails the ' +
      'stack. Tag keys are case-sensitive, so keys are compared exactly: `team` and `Team` are two keys.',
  },
  reads: ['/Tags'],
  check(context) {
    const pointer = `${context.propertiesPointer}/Tags`;
    const tags = context.valueAt(pointer);
    if (!Array.isArray(tags) || context.isUnknown(pointer)) return;
    const firstIndex = new Map<string, number>();
    tags.forEach((_, index) => {
      const keyPointer = `${pointer}/${index}/Key`;
      const key = judgeableValue(context, keyPointer);
      if (typeof key !== 'string') return;
      if (RESERVED_PREFIX.test(key)) {
        const rest = key.slice(4);
        context.report({
          at: keyPointer,
          message:
            `Tag key ${quote(key)} starts with "${key.slice(0, 4)}", a prefix AWS reserves for its own tags; ` +
            (rest === '' ? 'choose another key.' : `drop the prefix, as in ${quote(rest)}.`),
        });
      }
      const first = firstIndex.get(key);
      if (first === undefined) {
        firstIndex.set(key, index);
      } else {
        context.report({
          at: keyPointer,
          message: `Tag key ${quote(key)} is already given as Tags[${first}].Key; keep one of them, since tag keys must be unique.`,
        });
      }
    });
  },
});
