import rule from '../../src/rules/no-mixed-regions.js';
import { testRule } from '../support/rule-tester.js';

const ADVICE = 'the image and the KMS keys must be in the region the job runs in';
const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';
const US_EAST_1_CLARIFY = '205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0';

testRule(rule, {
  invalid: [
    {
      // Two regions, one value each: the later one is reported.
      file: 'example.yaml',
      findings: [
        {
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 88,
          message: `KmsKeyId "arn:aws:kms:us-east-1:123456789012:key/${KEY}" is in region us-east-1, but ImageUri is in eu-west-1; ${ADVICE}.`,
        },
      ],
    },
    {
      // The odd one out, wherever it is written.
      file: 'request.json',
      findings: [
        {
          line: 18,
          column: 25,
          endLine: 18,
          endColumn: 102,
          message:
            `VolumeKmsKeyId "arn:aws:kms:us-west-2:123456789012:key/${KEY}" is in region us-west-2, but ImageUri and ` +
            `KmsKeyId are in us-east-1; ${ADVICE}.`,
        },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        {
          line: 24,
          column: 13,
          endLine: 24,
          endColumn: 91,
          message: `KmsKeyId "arn:aws:kms:eu-central-1:123456789012:key/${KEY}" is in region eu-central-1, but ImageUri is in us-east-1; ${ADVICE}.`,
        },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 95,
          message:
            `KmsKeyId "arn:aws:kms:eu-west-1:123456789012:key/${KEY}" is in region eu-west-1, but ImageUri is in us-east-1; ` +
            `${ADVICE} (from parameter KmsKeyArn, used by Properties.ModelBiasJobOutputConfig.KmsKeyId).`,
        },
      ],
    },
    {
      // The template writes VolumeKmsKeyId first, so the image is the later one.
      file: 'cdk.json',
      findings: [
        {
          line: 16,
          column: 18,
          endLine: 16,
          endColumn: 97,
          message: `ImageUri "${US_EAST_1_CLARIFY}" is in region us-east-1, but VolumeKmsKeyId is in us-west-2; ${ADVICE} (construct BiasStack/BadBias).`,
        },
      ],
    },
  ],
});
