import { defineRule } from '../rule-support/define-rule.js';
import { GPU_FAMILIES, instanceFamily } from '../rule-support/instance-families.js';
import { instanceTypeValues, judgeInstanceType } from '../rule-support/instance-types.js';
import { quote } from '../values.js';

/** The SageMaker Python SDK's default for bias monitors. */
const SUGGESTED_TYPE = 'ml.m5.xlarge';

export default defineRule({
  id: 'no-gpu-instance-type',
  title: 'Run bias jobs on CPU instances',
  description: '`InstanceType` is not of a GPU family (p2, p3, p5, g4dn, g5, g6, g6e, g7, g7e).',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A model bias job runs the SageMaker Clarify processing container, which computes the post-training bias ' +
      'metrics from tabular data (pandas and Spark) on the CPU ' +
      '([Bias drift for models in production](https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-bias-drift.html)). ' +
      'A GPU instance costs several times a CPU instance of the same size and runs the job no faster. The ' +
      'SageMaker Python SDK gives bias monitors `ml.m5.xlarge` by default; a larger CPU type (`ml.m5.2xlarge`, ' +
      '`ml.r5.xlarge` for more memory) suits larger captures.',
  },
  reads: ['/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    for (const { pointer, value, listed } of instanceTypeValues(context.model, context.value)) {
      if (context.isUnknown(pointer)) continue;
      // A misspelt type or a size its family does not come in is valid-instance-type's finding.
      if (judgeInstanceType(value, listed).kind !== 'listed') continue;
      const family = instanceFamily(value);
      if (family === undefined || !GPU_FAMILIES.has(family)) continue;
      context.report({
        at: pointer,
        message:
          `InstanceType ${quote(value)} is a GPU instance, but Clarify computes bias metrics on the CPU; ` +
          `use a CPU type such as ${quote(SUGGESTED_TYPE)}, the SageMaker SDK's default.`,
      });
    }
  },
});
