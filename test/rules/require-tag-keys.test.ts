import rule from '../../src/rules/require-tag-keys.js';
import { testRule } from '../support/rule-tester.js';

// The cases run with the rule's example options: { keys: ['owner', 'cost-center'] }.
const BOTH = 'tag keys "owner" and "cost-center"';
const UNTAGGED = 'ModelBiasJobInput: {}\nTags: [{Key: team, Value: churn}]\n';

testRule(rule, {
  valid: [
    // No keys are required by default: the rule does nothing until configured.
    { file: 'inline-defaults.yaml', code: UNTAGGED, options: {} },
  ],
  invalid: [
    {
      // At the Tags key.
      file: 'example.yaml',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 5, message: 'Tags is missing the required tag key "cost-center"; add it.' }],
    },
    {
      // No Tags at all: at the definition.
      file: 'no-tags.json',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 2, message: `The request has no Tags; add the required ${BOTH}.` }],
    },
    {
      file: 'template.yaml',
      findings: [
        { line: 5, column: 3, endLine: 5, endColumn: 11, message: `Resource Untagged has no Tags; add the required ${BOTH}.` },
        { line: 12, column: 3, endLine: 12, endColumn: 21, message: `Resource TaggedInProduction has no Tags; add the required ${BOTH}.` },
        // Keys are compared exactly: "Owner" is not "owner".
        { line: 20, column: 11, endLine: 20, endColumn: 45, message: 'Tags is missing the required tag key "owner"; add it.' },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 7, column: 5, endLine: 7, endColumn: 11, message: `Tags is missing the required ${BOTH}; add them (construct BiasStack/BadBias).` }],
    },
    {
      file: 'inline-empty-tags.yaml',
      code: 'ModelBiasJobInput: {}\nTags: []\n',
      options: { keys: ['owner'] },
      findings: [{ line: 2, column: 1, message: 'Tags is missing the required tag key "owner"; add it.' }],
    },
  ],
});
