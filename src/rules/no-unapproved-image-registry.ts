import { defineRule } from '../rule-support/define-rule.js';
import { imageUriProblem, parseImageUri } from '../rule-support/ecr.js';
import { judgeableValue } from '../rule-support/judgeable.js';
import { listWords, quote } from '../values.js';

export interface Options {
  registries: string[];
}

export default defineRule<Options>({
  id: 'no-unapproved-image-registry',
  title: 'Pull the job\'s image from the registries your team approves',
  description:
    'The registry host of `ModelBiasAppSpecification.ImageUri` is listed in the `registries` option (an empty ' +
    'list allows any).',
  severity: 'off',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The image is the code that reads the captured inference data and writes the reports, with the job\'s ' +
      'role. Bias jobs normally run the SageMaker Clarify image from the Clarify account of their region ' +
      '([prebuilt Clarify containers](https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-processing-job-configure-container.html)); ' +
      'teams that build their own image, or mirror the Clarify image into their own registry, list the ' +
      'registries they trust here, as `{account}.dkr.ecr.{region}.amazonaws.com` ' +
      '([Amazon ECR private registry](https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html)). ' +
      'Hosts are compared without regard to case. An image URI that is not a valid Amazon ECR URI is left to ' +
      '`valid-image-uri`. The rule is off until configured.',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        registries: {
          type: 'array',
          items: { type: 'string', pattern: '^[^/\\s]+$' },
          uniqueItems: true,
          description:
            'The registry hosts images may come from, such as "205585389593.dkr.ecr.us-east-1.amazonaws.com"; an ' +
            'empty list allows any.',
        },
      },
      additionalProperties: false,
    },
    defaults: { registries: [] },
    example: { registries: ['205585389593.dkr.ecr.us-east-1.amazonaws.com'] },
  },
  reads: ['/ModelBiasAppSpecification/ImageUri'],
  check(context) {
    const { registries } = context.options;
    if (registries.length === 0) return;
    const pointer = `${context.propertiesPointer}/ModelBiasAppSpecification/ImageUri`;
    const text = judgeableValue(context, pointer);
    if (typeof text !== 'string') return;
    // Only well-formed ECR image URIs: anything else is valid-image-uri's finding.
    const uri = parseImageUri(text);
    if (uri === undefined || imageUriProblem(uri) !== undefined) return;
    const host = text.slice(0, text.indexOf('/')).toLowerCase();
    if (registries.some((registry) => registry.toLowerCase() === host)) return;
    context.report({
      at: pointer,
      message:
        `ImageUri ${quote(text)} is not from an approved registry; ` +
        `use an image from ${listWords(registries.map((registry) => quote(registry)), 'or')}.`,
    });
  },
});
