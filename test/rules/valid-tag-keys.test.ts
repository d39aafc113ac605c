import rule from '../../src/rules/valid-tag-keys.js';
import { testRule } from '../support/rule-tester.js';

const RESERVED = 'a prefix AWS reserves for its own tags';
const again = (key: string, index: number): string =>
  `Tag key "${key}" is already given as Tags[${index}].Key; keep one of them, since tag keys must be unique.`;

testRule(rule, {
  invalid: [
    {
      file: 'example.yaml',
      findings: [
        { line: 6, column: 10, endLine: 6, endColumn: 25, message: `Tag key "aws:cost-center" starts with "aws:", ${RESERVED}; drop the prefix, as in "cost-center".` },
        // The second occurrence is reported, naming the first.
        { line: 8, column: 10, endLine: 8, endColumn: 14, message: again('team', 0) },
      ],
    },
    {
      // The prefix is reserved in any case; every repetition is reported.
      file: 'request.json',
      findings: [
        { line: 5, column: 14, endLine: 5, endColumn: 25, message: `Tag key "AWS:Owner" starts with "AWS:", ${RESERVED}; drop the prefix, as in "Owner".` },
        { line: 6, column: 14, endLine: 6, endColumn: 20, message: `Tag key "aws:" starts with "aws:", ${RESERVED}; choose another key.` },
        { line: 8, column: 14, endLine: 8, endColumn: 21, message: again('owner', 2) },
        { line: 9, column: 14, endLine: 9, endColumn: 21, message: again('owner', 2) },
      ],
    },
    {
      // Both branches are judged; the one that repeats a key is pointed at.
      file: 'template.yaml',
      findings: [{ line: 15, column: 29, endLine: 15, endColumn: 33, message: again('team', 0) }],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 46,
          endLine: 4,
          endColumn: 56,
          message: `Tag key "aws:team" starts with "aws:", ${RESERVED}; drop the prefix, as in "team" (from parameter TagKey, used by Properties.Tags[0].Key).`,
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 23,
          message: 'Tag key "purpose" is already given as Tags[0].Key; keep one of them, since tag keys must be unique (construct BiasStack/BadBias).',
        },
      ],
    },
  ],
});
