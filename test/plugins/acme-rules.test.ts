/** The example plugin's rules, tested as built-in rules are: their examples, with the same strict tester. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import acme from '../../fixtures/plugins/sagelint-plugin-acme/index.js';
import { EXAMPLE_PLUGIN, EXAMPLE_PLUGIN_DOC, renderExamplePluginDoc } from '../../scripts/generate-rules-doc.js';
import { registerPlugin } from '../../src/plugins/plugin.js';
import { testRule } from '../support/rule-tester.js';

const [costCenterTagFormat, jobNamePrefix] = registerPlugin(acme).rules;
if (costCenterTagFormat === undefined || jobNamePrefix === undefined) throw new Error('The example plugin has two rules.');

testRule(costCenterTagFormat, {
  fixtures: join(EXAMPLE_PLUGIN, 'examples', 'cost-center-tag-format'),
  valid: [
    { file: 'intrinsic.yaml', code: 'Resources:\n  B:\n    Type: AWS::SageMaker::ModelBiasJobDefinition\n    Properties:\n      Tags:\n        - Key: cost-center\n          Value: !Ref CostCenter\n' },
    { file: 'other-key.json', code: '{ "ModelBiasJobInput": {}, "Tags": [{ "Key": "owner", "Value": "cc 1" }] }' },
  ],
  invalid: [
    { file: 'example.yaml', findings: [{ line: 9, column: 18, message: 'The cost-center tag is "cc 1234"; write it as CC-[0-9]{4}, as finance books it.' }] },
    {
      file: 'own-pattern.json',
      options: { key: 'billing', pattern: '[0-9]+' },
      code: '{ "ModelBiasJobInput": {}, "Tags": [{ "Key": "billing", "Value": "12a" }] }',
      findings: [{ line: 1, column: 66, message: 'The billing tag is "12a"; write it as [0-9]+, as finance books it.' }],
    },
  ],
});

testRule(jobNamePrefix, {
  fixtures: join(EXAMPLE_PLUGIN, 'examples', 'job-name-prefix'),
  valid: [{ file: 'generated-name.yaml', code: 'Resources:\n  B:\n    Type: AWS::SageMaker::ModelBiasJobDefinition\n    Properties: {}\n' }],
  invalid: [{ file: 'example.json', findings: [{ line: 2, column: 24, message: 'JobDefinitionName "churn-bias" does not start with "acme-".' }] }],
});

describe("the example plugin's rules.md", () => {
  it('is what the docs generator writes now', async () => {
    expect(readFileSync(EXAMPLE_PLUGIN_DOC, 'utf8'), 'stale: run `npm run docs`').toBe(await renderExamplePluginDoc());
  });
});
