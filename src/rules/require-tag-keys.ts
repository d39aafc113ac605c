import { defineRule } from '../rule-support/define-rule.js';
import { isRecord, listWords, plural, quote } from '../values.js';

export interface Options {
  keys: string[];
}

export default defineRule<Options>({
  id: 'require-tag-keys',
  title: 'Give the tags your team requires',
  description: '`Tags` has every key listed in the `keys` option.',
  severity: 'off',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Tags are how costs are allocated and resources found: a job definition without the team\'s `owner` or ' +
      '`cost-center` tag is missing from cost reports and from tag-based access policies ' +
      '([Tagging best practices](https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html), ' +
      '[Tag](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html)). A job definition cannot be ' +
      'updated (there is no update API, and CloudFormation replaces the resource), so a tag forgotten at creation ' +
      'stays forgotten. Keys are compared exactly, as AWS compares them. The rule is off until configured.',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        keys: {
          type: 'array',
          items: { type: 'string', minLength: 1, maxLength: 128 },
          uniqueItems: true,
          description: 'The tag keys every job definition must have, such as "owner" or "cost-center".',
        },
      },
      additionalProperties: false,
    },
    defaults: { keys: [] },
    example: { keys: ['owner', 'cost-center'] },
  },
  reads: ['/Tags'],
  check(context) {
    const { keys } = context.options;
    if (keys.length === 0) return;
    const pointer = `${context.propertiesPointer}/Tags`;
    const tags = context.valueAt(pointer);
    // Tags that are not a list are valid-value-type's finding; tags made by an intrinsic function are unknown.
    if (context.isUnknown(pointer) || (tags !== undefined && !Array.isArray(tags))) return;
    const given = new Set<string>();
    for (const [index, tag] of (tags ?? []).entries()) {
      // A key not known offline (or in a tag not known offline) could be any of the required ones.
      if (context.isUnknown(`${pointer}/${index}/Key`)) return;
      if (isRecord(tag) && typeof tag.Key === 'string') given.add(tag.Key);
    }
    const missing = keys.filter((key) => !given.has(key));
    if (missing.length === 0) return;
    const named = `${plural(missing.length, 'tag key')} ${listWords(missing.map((key) => quote(key)))}`;
    context.report(
      tags === undefined
        ? { at: '', target: 'key', message: `${context.label} has no Tags; add the required ${named}.` }
        : { at: pointer, target: 'key', message: `Tags is missing the required ${named}; add ${missing.length === 1 ? 'it' : 'them'}.` },
    );
  },
});
