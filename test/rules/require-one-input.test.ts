import rule from '../../src/rules/require-one-input.js';
import { testRule } from '../support/rule-tester.js';

const NEITHER =
  'ModelBiasJobInput has neither EndpointInput nor BatchTransformInput; add the one the job should monitor: ' +
  'EndpointInput for a real-time endpoint, BatchTransformInput for a batch transform job.';
const BOTH = 'ModelBiasJobInput has both EndpointInput and BatchTransformInput; keep only the one the job should monitor.';

testRule(rule, {
  valid: [
    // What require-members reports (no ModelBiasJobInput at all) is not reported again.
    { file: 'inline-no-job-input.yaml', code: 'JobDefinitionName: churn-model-bias\nModelBiasAppSpecification: {}\n' },
  ],
  invalid: [
    {
      // Both: at the key of the one written second.
      file: 'example.yaml',
      findings: [{ line: 6, column: 3, endLine: 6, endColumn: 22, message: BOTH }],
    },
    {
      file: 'neither.json',
      findings: [{ line: 3, column: 3, endLine: 3, endColumn: 22, message: NEITHER }],
    },
    {
      file: 'batch-first-flow.yaml',
      findings: [
        {
          line: 2,
          column: 87,
          endLine: 2,
          endColumn: 100,
          message: 'ModelBiasJobInput has both BatchTransformInput and EndpointInput; keep only the one the job should monitor.',
        },
      ],
    },
    {
      // Two independent conditions: where both hold, the second input's branch is pointed at.
      file: 'template.yaml',
      findings: [
        { line: 12, column: 7, endLine: 12, endColumn: 24, message: NEITHER },
        { line: 27, column: 13, endLine: 27, endColumn: 86, message: BOTH },
      ],
    },
    {
      file: 'cdk.json',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 24, message: `${NEITHER.slice(0, -1)} (construct BiasStack/BadBias).` }],
    },
    {
      file: 'inline-empty.yaml',
      code: 'ModelBiasJobInput: {}\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: NEITHER }],
    },
  ],
});
