import rule from '../../src/rules/no-unapproved-image-registry.js';
import { testRule } from '../support/rule-tester.js';

// The cases run with the rule's example options: { registries: ['205585389593.dkr.ecr.us-east-1.amazonaws.com'] }.
const unapproved = (imageUri: string, note = ''): string =>
  `ImageUri "${imageUri}" is not from an approved registry; use an image from "205585389593.dkr.ecr.us-east-1.amazonaws.com"${note}.`;

const MIRROR = 'ModelBiasAppSpecification: {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/clarify-mirror:1.0}\n';

testRule(rule, {
  valid: [
    // No registry is required by default: the rule does nothing until configured.
    { file: 'inline-defaults.yaml', code: MIRROR, options: {} },
    // Host names are compared without regard to case.
    { file: 'inline-upper-case-option.yaml', code: MIRROR, options: { registries: ['123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM'] } },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [{ line: 3, column: 13, endLine: 3, endColumn: 76, message: unapproved('123456789012.dkr.ecr.us-east-1.amazonaws.com/clarify-mirror:1.0') }],
    },
    {
      // The Clarify image of another region comes from another registry.
      file: 'request.json',
      findings: [
        {
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 96,
          message: unapproved('306415355426.dkr.ecr.us-west-2.amazonaws.com/sagemaker-clarify-processing:1.0'),
        },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        { line: 13, column: 13, endLine: 13, endColumn: 81, message: unapproved('111122223333.dkr.ecr.us-east-1.amazonaws.com/bias-experiments:latest') },
      ],
    },
    {
      file: 'template-parameter.json',
      findings: [
        {
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 106,
          message: unapproved(
            '763104351884.dkr.ecr.us-east-1.amazonaws.com/clarify:2.0',
            ' (from parameter ImageUri, used by Properties.ModelBiasAppSpecification.ImageUri)',
          ),
        },
      ],
    },
    {
      // The FIPS endpoint is another host: list it to allow it.
      file: 'cdk.json',
      findings: [
        {
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 102,
          // A long value is shortened in the message.
          message:
            'ImageUri "205585389593.dkr.ecr-fips.us-east-1.amazonaws.com/sagemaker-clarify-processi... is not from an ' +
            'approved registry; use an image from "205585389593.dkr.ecr.us-east-1.amazonaws.com" (construct BiasStack/BadBias).',
        },
      ],
    },
  ],
});
