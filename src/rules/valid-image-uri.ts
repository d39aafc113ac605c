import { clarifyAccount, CLARIFY_REPOSITORY, CLARIFY_TAG, MODEL_MONITOR_ANALYZER_REPOSITORY } from '../rule-support/clarify-images.js';
import { defineRule } from '../rule-support/define-rule.js';
import { describeRegistry, imageUriProblem, parseImageUri, type EcrImageUri } from '../rule-support/ecr.js';
import { judgeableValue } from '../rule-support/judgeable.js';
import { quote } from '../values.js';

const ECR_FORM = '{account}.dkr.ecr.{region}.amazonaws.com/{repository}[:{tag}]';

export default defineRule({
  id: 'valid-image-uri',
  title: 'Run the SageMaker Clarify image from Amazon ECR',
  description:
    '`ModelBiasAppSpecification.ImageUri` is an Amazon ECR image URI, and the Clarify image comes from the ' +
    'Clarify account of its region.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A model bias job runs as a SageMaker processing job, and SageMaker Processing runs "the Amazon ECR image ' +
      'URI that you specify" ([How SageMaker Processing runs your container]' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/byoc-run-image.html)): ' +
      '`{account}.dkr.ecr[-fips].{region}.{dnsSuffix}/{repository}[:{tag}|@sha256:{digest}]` ' +
      '([Amazon ECR private registry](https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html)), ' +
      'not a Docker Hub or ECR Public reference. The model only limits `ImageUri` to 255 characters ' +
      '(pattern `.*`), so nothing else catches a wrong URI before the job runs. For bias analysis "the URI must ' +
      'identify a pre-built SageMaker Clarify container image" ([Configure a SageMaker Clarify processing ' +
      'job](https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-processing-job-configure-parameters.html)): ' +
      'each region serves `sagemaker-clarify-processing` from its own account, and Clarify is offered in 28 ' +
      'regions ([prebuilt Clarify containers](https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-processing-job-configure-container.html); ' +
      'accounts from the SageMaker Python SDK\'s `image_uri_config/clarify.json`). The Model Monitor analyzer ' +
      '(`sagemaker-model-monitor-analyzer`) computes data-quality statistics, not bias metrics.',
  },
  reads: ['/ModelBiasAppSpecification/ImageUri'],
  check(context) {
    const pointer = `${context.propertiesPointer}/ModelBiasAppSpecification/ImageUri`;
    const text = judgeableValue(context, pointer);
    if (typeof text !== 'string') return;
    const label = `ImageUri ${quote(text)}`;
    const uri = parseImageUri(text);
    if (uri === undefined) {
      const registry = describeRegistry(text);
      context.report({
        at: pointer,
        message:
          registry === undefined
            ? `${label} is not an Amazon ECR image URI; expected ${ECR_FORM}.`
            : `${label} is ${registry}; use an Amazon ECR image URI, ${ECR_FORM}, such as the SageMaker Clarify image of the job's region.`,
      });
      return;
    }
    const problem = imageUriProblem(uri);
    if (problem !== undefined) {
      context.report({ at: pointer, message: `${label} ${problem}.` });
      return;
    }
    const account = clarifyAccount(uri.region);
    if (uri.repository === MODEL_MONITOR_ANALYZER_REPOSITORY) {
      const clarify = account === undefined ? 'the SageMaker Clarify image' : `the SageMaker Clarify image "${clarifyImage(uri, account)}"`;
      context.report({
        at: pointer,
        message: `${label} is the Model Monitor analyzer (data quality) image, the wrong image for a model bias job; use ${clarify}.`,
      });
    } else if (uri.repository === CLARIFY_REPOSITORY && account === undefined) {
      context.report({
        at: pointer,
        message: `${label} names the Clarify image in ${uri.region}, but SageMaker Clarify is not offered in ${uri.region}; run the job in a region that has it.`,
      });
    } else if (uri.repository === CLARIFY_REPOSITORY && account !== undefined && uri.registryId !== account) {
      context.report({
        at: pointer,
        message: `${label} takes the Clarify image from account ${uri.registryId}, but ${uri.region} serves it from account ${account}; use "${clarifyImage(uri, account)}".`,
      });
    }
  },
});

/**
 * The Clarify image of the URI's region, on the URI's kind of endpoint, with its tag (the current one when it has
 * none). A digest is not carried over: another registry's copy need not have the same one.
 */
function clarifyImage(uri: EcrImageUri, account: string): string {
  // The URI passed imageUriProblem, so its suffix is its region's.
  const host = `${account}.${uri.dualStack ? 'dkr-ecr' : 'dkr.ecr'}${uri.fips ? '-fips' : ''}.${uri.region}.${uri.dnsSuffix}`;
  const tag = uri.repository === CLARIFY_REPOSITORY && uri.tag !== undefined ? uri.tag : CLARIFY_TAG;
  return `${host}/${CLARIFY_REPOSITORY}:${tag}`;
}
