import { defineRule } from '../rule-support/define-rule.js';
import { locatedValues, oddOnesOut, type LocatedValue } from '../rule-support/locations.js';
import { listWords, quote } from '../values.js';

export default defineRule({
  id: 'no-mixed-partitions',
  title: 'Keep every ARN and region in one partition',
  description:
    'The role, the KMS keys, any other ARN and the image\'s region all belong to the same AWS partition ' +
    '(`aws`, `aws-cn`, `aws-us-gov`, …).',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A partition is a group of regions with its own IAM, its own accounts and its own endpoints: an ARN ' +
      'starts with the partition of its resource, and resources in one partition cannot be used from another ' +
      '([Identify AWS resources with ARNs](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html)). ' +
      'A job created in `cn-north-1` cannot assume an `arn:aws:iam::…` role or use an `arn:aws:kms:…` key. The ' +
      'partition of a region comes from the SDK\'s partition table (`aws-cn` for `cn-*`, `aws-us-gov` for ' +
      '`us-gov-*`, …), so the image URI\'s region and a KMS key\'s region say which partition the job runs in. The ' +
      'finding is at the odd one out; when as many values disagree as agree, the region of the image or key wins.',
  },
  check(context) {
    const values = locatedValues(context);
    const split = oddOnesOut(values, (value) => value.partition, (value) => value.region !== undefined);
    if (split === undefined) return;
    const others = listWords(split.agreeing.map(describe));
    const verb = split.agreeing.length === 1 ? 'is' : 'are';
    for (const value of split.odd) {
      context.report({
        at: value.pointer,
        message:
          `${value.label} ${quote(value.text)} is in ${value.region === undefined ? '' : `region ${value.region} of `}` +
          `partition ${value.partition}, but ${others} ${verb} in ${split.reference}; use one partition for the whole definition.`,
      });
    }
  },
});

function describe(value: LocatedValue): string {
  return value.region === undefined ? value.label : `${value.label} (${value.region})`;
}
