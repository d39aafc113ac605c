import { defineRule } from '../rule-support/define-rule.js';
import { locatedValues, oddOnesOut } from '../rule-support/locations.js';
import { listWords, quote } from '../values.js';

export default defineRule({
  id: 'no-mixed-regions',
  title: 'Keep the image and the KMS keys in one region',
  description: 'The image URI and the KMS key ARNs name the same region.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A job runs in the region it is created in. KMS keys are regional: a key never leaves the region it was ' +
      'created in, and a multi-Region key has a separate ARN in each region ([AWS KMS keys]' +
      '(https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#kms_keys)); SageMaker pulls the ' +
      'Clarify image from the registry of the job\'s own region, which is why each region has its own image URI ' +
      '([prebuilt Clarify containers](https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-processing-job-configure-container.html)). ' +
      'An image in `eu-west-1` beside a key in `us-east-1` means one of them is wrong wherever the job is created. ' +
      'The finding is at the odd one out (the later one of two); values in another partition are left to ' +
      '`no-mixed-partitions`.',
  },
  check(context) {
    const values = locatedValues(context);
    // A value in another partition is in another region too: one defect, which no-mixed-partitions reports.
    const partitions = oddOnesOut(values, (value) => value.partition, (value) => value.region !== undefined);
    const inPartition = partitions === undefined ? values : partitions.agreeing;
    const regional = inPartition.filter((value) => value.region !== undefined);
    const split = oddOnesOut(regional, (value) => value.region ?? '');
    if (split === undefined) return;
    const others = listWords(split.agreeing.map((value) => value.label));
    const verb = split.agreeing.length === 1 ? 'is' : 'are';
    for (const value of split.odd) {
      context.report({
        at: value.pointer,
        message:
          `${value.label} ${quote(value.text)} is in region ${value.region ?? ''}, but ${others} ${verb} in ` +
          `${split.reference}; the image and the KMS keys must be in the region the job runs in.`,
      });
    }
  },
});
