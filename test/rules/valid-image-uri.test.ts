import rule from '../../src/rules/valid-image-uri.js';
import { testRule } from '../support/rule-tester.js';

const ECR_FORM = '{account}.dkr.ecr.{region}.amazonaws.com/{repository}[:{tag}]';
const notEcr = (value: string, registry: string): string =>
  `ImageUri "${value}" is ${registry}; use an Amazon ECR image URI, ${ECR_FORM}, such as the SageMaker Clarify image of the job's region.`;
const EU_WEST_1_CLARIFY = '131013547314.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-clarify-processing:1.0';
const wrongAccount = (value: string, region: string, account: string, suggestion: string): string =>
  `ImageUri "${value}" takes the Clarify image from account 205585389593, but ${region} serves it from account ${account}; use "${suggestion}".`;

testRule(rule, {
  valid: [
    // A tag and a digest together; an image without a tag; the dual-stack host.
    {
      file: 'inline-tag-and-digest.yaml',
      code:
        'ModelBiasAppSpecification: {ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/bias:v1@sha256:' +
        '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}\n',
    },
    {
      file: 'inline-dual-stack.yaml',
      code: 'ModelBiasAppSpecification: {ImageUri: 205585389593.dkr-ecr.us-east-1.on.aws/sagemaker-clarify-processing:1.0}\n',
    },
    {
      // A value longer than 255 characters is valid-string-length's finding.
      file: 'inline-too-long.yaml',
      code: `ModelBiasAppSpecification: {ImageUri: ${'x'.repeat(256)}}\n`,
    },
  ],
  invalid: [
    {
      file: 'example.yaml',
      findings: [{ line: 5, column: 13, endLine: 5, endColumn: 25, message: notEcr('nginx:latest', 'a Docker Hub image') }],
    },
    {
      file: 'wrong-clarify-account.json',
      findings: [
        {
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 96,
          message: wrongAccount(
            '205585389593.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-clarify-processing:1.0',
            'eu-west-1',
            '131013547314',
            EU_WEST_1_CLARIFY,
          ),
        },
      ],
    },
    {
      file: 'not-ecr.yaml',
      findings: [
        { line: 2, column: 39, endLine: 2, endColumn: 68, message: notEcr('docker.io/library/python:3.12', 'a Docker Hub image') },
        {
          line: 4,
          column: 39,
          message: notEcr('public.ecr.aws/sagemaker/sagemaker-clarify-processing:1.0', 'an Amazon ECR Public image'),
        },
        { line: 6, column: 39, message: notEcr('ghcr.io/example/clarify:1.0', 'an image in registry "ghcr.io"') },
        {
          line: 8,
          column: 39,
          message:
            'ImageUri "https://205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-proce... is not an Amazon ECR ' +
            `image URI; expected ${ECR_FORM}.`,
        },
        { line: 10, column: 39, endLine: 10, endColumn: 41, message: `ImageUri "" is not an Amazon ECR image URI; expected ${ECR_FORM}.` },
      ],
    },
    {
      file: 'malformed-ecr.yaml',
      findings: [
        {
          line: 3,
          column: 13,
          message:
            'ImageUri "20558538959.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0" has registry ' +
            '"20558538959", which is not a 12-digit account id.',
        },
        {
          line: 6,
          column: 13,
          message:
            'ImageUri "205585389593.dkr.ecr.us-east.amazonaws.com/sagemaker-clarify-processing:1.0" names region ' +
            '"us-east", which is not an AWS region name.',
        },
        {
          line: 9,
          column: 13,
          message:
            'ImageUri "122526803553.dkr.ecr.cn-north-1.amazonaws.com/sagemaker-clarify-processing:1.0" ends in ' +
            '"amazonaws.com", but ECR hosts of cn-north-1 (partition aws-cn) end in "amazonaws.com.cn".',
        },
        {
          line: 12,
          column: 13,
          message:
            'ImageUri "123456789012.dkr.ecr.us-east-1.amazonaws.com/Bias_Monitor:v2" has repository "Bias_Monitor", which ' +
            'is not an ECR repository name (2–256 lower-case letters and digits, separated by ".", "_", "-" or "/").',
        },
        {
          line: 15,
          column: 13,
          message:
            'ImageUri "123456789012.dkr.ecr.us-east-1.amazonaws.com/bias-monitor:.hidden" has tag ".hidden", which is not ' +
            'an image tag (up to 128 letters, digits, "_", "." and "-", not starting with "." or "-").',
        },
        {
          line: 18,
          column: 13,
          message:
            'ImageUri "123456789012.dkr.ecr.us-east-1.amazonaws.com/bias-monitor@sha256:abc123" has digest ' +
            '"sha256:abc123", which is not "sha256:" followed by 64 lower-case hex digits.',
        },
        {
          line: 21,
          column: 13,
          message:
            'ImageUri "123456789012.dkr.ecr.us-east-1.amazonaws.com" has repository "", which is not an ECR repository ' +
            'name (2–256 lower-case letters and digits, separated by ".", "_", "-" or "/").',
        },
      ],
    },
    {
      file: 'wrong-image.yaml',
      findings: [
        {
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 90,
          message:
            'ImageUri "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer" is the Model ' +
            'Monitor analyzer (data quality) image, the wrong image for a model bias job; use the SageMaker Clarify ' +
            `image "${EU_WEST_1_CLARIFY}".`,
        },
        {
          line: 8,
          column: 13,
          message:
            'ImageUri "205585389593.dkr.ecr.ap-south-2.amazonaws.com/sagemaker-clarify-processing:1.0" names the Clarify ' +
            'image in ap-south-2, but SageMaker Clarify is not offered in ap-south-2; run the job in a region that has it.',
        },
        {
          // The FIPS endpoint is kept; the digest is not, since another registry's copy need not share it.
          line: 12,
          column: 13,
          message:
            'ImageUri "205585389593.dkr.ecr-fips.us-gov-west-1.amazonaws.com/sagemaker-clarify-proc... takes the Clarify ' +
            'image from account 205585389593, but us-gov-west-1 serves it from account 598674086554; use ' +
            '"598674086554.dkr.ecr-fips.us-gov-west-1.amazonaws.com/sagemaker-clarify-processing:1.0".',
        },
      ],
    },
    {
      file: 'inline-analyzer-without-clarify.yaml',
      code: 'ModelBiasAppSpecification: {ImageUri: 123456789012.dkr.ecr.ap-south-2.amazonaws.com/sagemaker-model-monitor-analyzer}\n',
      findings: [
        {
          line: 1,
          column: 39,
          message:
            'ImageUri "123456789012.dkr.ecr.ap-south-2.amazonaws.com/sagemaker-model-monitor-analyzer" is the Model ' +
            'Monitor analyzer (data quality) image, the wrong image for a model bias job; use the SageMaker Clarify image.',
        },
      ],
    },
    {
      file: 'template.yaml',
      findings: [
        {
          line: 17,
          column: 13,
          endLine: 17,
          endColumn: 97,
          message:
            'ImageUri "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyze... is the Model ' +
            'Monitor analyzer (data quality) image, the wrong image for a model bias job; use the SageMaker Clarify ' +
            `image "${EU_WEST_1_CLARIFY}".`,
        },
        { line: 18, column: 13, endLine: 18, endColumn: 29, message: notEcr('python:3.12-slim', 'a Docker Hub image') },
        {
          // Fn::Join of literals is resolved and reported at the function.
          line: 25,
          column: 19,
          endLine: 25,
          endColumn: 114,
          message: wrongAccount(
            '205585389593.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-clarify-processing:1.0',
            'eu-west-1',
            '131013547314',
            EU_WEST_1_CLARIFY,
          ),
        },
      ],
    },
    {
      // The Default is reported where it is written; the allowed value with the right account is not.
      file: 'template-parameter.json',
      findings: [
        {
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 97,
          message: wrongAccount(
            '205585389593.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-clarify-processing:1.0',
            'eu-west-1',
            '131013547314',
            EU_WEST_1_CLARIFY,
          ).replace(/\.$/, ' (from parameter ClarifyImage, used by Properties.ModelBiasAppSpecification.ImageUri).'),
        },
      ],
    },
    {
      file: 'cdk.json',
      findings: [
        {
          line: 15,
          column: 18,
          endLine: 15,
          endColumn: 77,
          message: notEcr('public.ecr.aws/sagemaker/sagemaker-clarify-processing:1.0', 'an Amazon ECR Public image').replace(
            /\.$/,
            ' (construct BiasStack/BadBias).',
          ),
        },
      ],
    },
  ],
});
