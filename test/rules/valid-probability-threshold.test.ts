import rule from '../../src/rules/valid-probability-threshold.js';
import { testRule } from '../support/rule-tester.js';

const notProbability = (value: string): string => `ProbabilityThresholdAttribute ${value} is not a probability between 0 and 1`;
const DEFAULT = 'give a threshold such as 0.5, the default.';

testRule(rule, {
  invalid: [
    {
      // A whole percentage is read as what it most likely means.
      file: 'example.yaml',
      findings: [{ line: 7, column: 36, endLine: 7, endColumn: 38, message: `${notProbability('50')}; did you mean 0.5?` }],
    },
    {
      file: 'out-of-range.json',
      findings: [
        { line: 7, column: 40, endLine: 7, endColumn: 44, message: `${notProbability('-0.2')}; ${DEFAULT}` },
        { line: 10, column: 40, endLine: 10, endColumn: 43, message: `${notProbability('1.5')}; ${DEFAULT}` },
      ],
    },
    {
      file: 'template.yaml',
      findings: [{ line: 14, column: 60, endLine: 14, endColumn: 62, message: `${notProbability('80')}; did you mean 0.8?` }],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 53,
          message:
            `${notProbability('70')}; did you mean 0.7 ` +
            '(from parameter Threshold, used by Properties.ModelBiasJobInput.EndpointInput.ProbabilityThresholdAttribute)?',
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        { line: 10, column: 40, endLine: 10, endColumn: 41, message: `${notProbability('2')}; did you mean 0.02 (construct BiasStack/BadBias)?` },
      ],
    },
    {
      file: 'inline-just-above.yaml',
      code: 'ModelBiasJobInput: {EndpointInput: {ProbabilityThresholdAttribute: 1.0001}}\n',
      findings: [{ line: 1, column: 68, message: `${notProbability('1.0001')}; ${DEFAULT}` }],
    },
  ],
});
