import { defineRule } from '../rule-support/define-rule.js';
import { jobInputMemberPointers, jobInputs } from '../rule-support/job-inputs.js';
import { judgeableValue } from '../rule-support/judgeable.js';

export default defineRule({
  id: 'valid-probability-threshold',
  title: 'Keep the probability threshold between 0 and 1',
  description: '`ProbabilityThresholdAttribute` is a probability: at least 0 and at most 1.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      '`ProbabilityThresholdAttribute` is "the threshold for the class probability to be evaluated as a positive ' +
      'result" ([EndpointInput](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_EndpointInput.html)): ' +
      'the model\'s score (`ProbabilityAttribute`) is compared with it to turn a probability into a predicted ' +
      'label, and Clarify\'s default is 0.5 ([Model bias drift](https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-bias-drift.html)). ' +
      'The model gives the double no bounds, but below 0 every prediction is positive and above 1 none is, so ' +
      'the bias metrics describe a constant model. A percentage (`50` for 0.5) is the usual slip.',
  },
  reads: jobInputMemberPointers('ProbabilityThresholdAttribute'),
  check(context) {
    for (const input of jobInputs(context)) {
      const pointer = `${input.pointer}/ProbabilityThresholdAttribute`;
      const value = judgeableValue(context, pointer);
      if (typeof value !== 'number' || (value >= 0 && value <= 1)) continue;
      // A whole percentage (50 for 0.5) is the likely slip; 1.5 is not guessed at. Rounded, so that 7 gives 0.07.
      const fraction = Number.isInteger(value) && value > 1 && value <= 100 ? Number((value / 100).toPrecision(12)) : undefined;
      context.report({
        at: pointer,
        message:
          `ProbabilityThresholdAttribute ${String(value)} is not a probability between 0 and 1; ` +
          (fraction === undefined ? 'give a threshold such as 0.5, the default.' : `did you mean ${String(fraction)}?`),
      });
    }
  },
});
