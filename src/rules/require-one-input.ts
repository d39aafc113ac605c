import { defineRule } from '../rule-support/define-rule.js';
import { JOB_INPUT_NAMES } from '../rule-support/job-inputs.js';
import { isRecord } from '../values.js';

export default defineRule({
  id: 'require-one-input',
  title: 'Give the job exactly one input',
  description: '`ModelBiasJobInput` has exactly one of `EndpointInput` and `BatchTransformInput`.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A model bias job analyses the data captured from one source: a real-time endpoint (`EndpointInput`) or a ' +
      'batch transform job (`BatchTransformInput`). The API model marks both as optional ' +
      '([ModelBiasJobInput](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelBiasJobInput.html)), ' +
      'but the Model Monitor guide says "you can specify either a batch transform input or an endpoint input, but ' +
      'not both" ([Schedule model quality monitoring jobs](https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-model-quality-schedule.html), ' +
      'which bias monitoring shares). With neither the job has no data to analyse; with both, which one is meant ' +
      'is a guess.',
  },
  // Its members are listed.
  reads: ['/ModelBiasJobInput'],
  check(context) {
    const pointer = `${context.propertiesPointer}/ModelBiasJobInput`;
    const input = context.valueAt(pointer);
    // A missing ModelBiasJobInput is require-members' finding; one made by an intrinsic function is unknown.
    if (!isRecord(input) || context.isUnknown(pointer)) return;
    const names: readonly string[] = JOB_INPUT_NAMES;
    const given = Object.keys(input).filter((key) => names.includes(key));
    const [first, second] = given;
    if (first === undefined) {
      context.report({
        at: pointer,
        target: 'key',
        message:
          'ModelBiasJobInput has neither EndpointInput nor BatchTransformInput; add the one the job should monitor: ' +
          'EndpointInput for a real-time endpoint, BatchTransformInput for a batch transform job.',
      });
    } else if (second !== undefined) {
      // At the one written second, in the order of the document: the first reads as the author's main choice.
      context.report({
        at: `${pointer}/${second}`,
        target: 'key',
        message: `ModelBiasJobInput has both ${first} and ${second}; keep only the one the job should monitor.`,
      });
    }
  },
});
