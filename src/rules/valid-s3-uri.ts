import { defineRule, hasSchemaViolation } from '../rule-support/define-rule.js';
import { memberLabel } from '../rule-support/labels.js';
import { isS3UriProblem, parseS3Uri } from '../rule-support/s3.js';
import { valuesOfShape } from '../rule-support/shapes.js';
import type { ValueShape } from '../model/shapes.js';
import { quote } from '../values.js';

/**
 * S3 URI members are found by their shape: strings whose model pattern starts with `(https|s3)://` (the API
 * model's `S3Uri`, `MonitoringS3Uri` and `DestinationS3Uri`, and their CloudFormation counterparts).
 */
function isS3UriShape(shape: ValueShape): boolean {
  return shape.type === 'string' && shape.pattern?.startsWith('(https|s3)://') === true;
}

/**
 * Members that name one file, not a prefix: the Clarify analysis config, and the baseline's `analysis.json`
 * (reference §3.3, §4.4). The name of the file each holds, for the message.
 */
function objectMember(pointer: string): string | undefined {
  if (pointer.endsWith('/ModelBiasAppSpecification/ConfigUri')) return 'the analysis config file';
  if (pointer.endsWith('/ModelBiasBaselineConfig/ConstraintsResource/S3Uri')) return 'the baseline constraints file (analysis.json)';
  return undefined;
}

export default defineRule({
  id: 'valid-s3-uri',
  title: 'Give S3 URIs SageMaker can read',
  description:
    'Every S3 URI is `s3://bucket/key` or an `https://` S3 URL, names a bucket S3 allows, and names a file where ' +
    'the job reads one (`ConfigUri`, `ConstraintsResource.S3Uri`).',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The API model only checks `(https|s3)://([^/]+)/?(.*)`, so a URI naming a bucket that S3 would never ' +
      'allow passes it, yet the job can neither read nor write there. Bucket names follow the S3 user guide\'s ' +
      'general purpose bucket naming rules (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html): ' +
      '3 to 63 lower case letters, digits, `.` and `-`, beginning and ending with a letter or digit, no `..`, not ' +
      'an IP address, none of the reserved prefixes (`xn--`, `sthree-`, `amzn-s3-demo-`) and suffixes (`-s3alias`, ' +
      '`--ol-s3`, `.mrap`, `--x-s3`, `--table-s3`). (Buckets made in us-east-1 before March 2018 may have upper ' +
      'case letters and `_`; such a legacy bucket needs a suppression.) `https://` URLs are accepted in ' +
      'virtual-hosted and path style, in every partition ' +
      '(https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html), and their bucket is checked; an ' +
      '`https://` URL whose host is not S3\'s is reported. `ModelBiasAppSpecification.ConfigUri` is a "JSON ' +
      'formatted S3 file that defines bias parameters" ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelBiasAppSpecification.html) and ' +
      '`ConstraintsResource.S3Uri` the baseline\'s `analysis.json`, so both must name an object, not a bucket or ' +
      'a prefix ending in `/`. A URI that breaks the model\'s pattern (`http://`, `S3://`, no scheme, no bucket) is ' +
      'left to `valid-string-pattern`.',
  },
  // Where both models type S3 URIs; a list is read whole, its length included.
  reads: [
    '/ModelBiasAppSpecification/ConfigUri',
    '/ModelBiasBaselineConfig/ConstraintsResource/S3Uri',
    '/ModelBiasJobInput/BatchTransformInput/DataCapturedDestinationS3Uri',
    '/ModelBiasJobInput/GroundTruthS3Input/S3Uri',
    '/ModelBiasJobOutputConfig/MonitoringOutputs',
  ],
  check(context) {
    for (const { pointer, value } of valuesOfShape(context.model, context.value, isS3UriShape)) {
      if (typeof value !== 'string' || context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) continue;
      // Most URIs are fine: the label is made for a message only.
      const label = (): string => `${memberLabel(context.model, pointer)} ${quote(value)}`;
      const parsed = parseS3Uri(value);
      if (isS3UriProblem(parsed)) {
        context.report({ at: pointer, message: `${label()} ${parsed.problem}.` });
        continue;
      }
      const file = objectMember(pointer);
      if (file !== undefined && (parsed.key === '' || parsed.key.endsWith('/'))) {
        const what = parsed.key === '' ? 'names only a bucket' : 'names a prefix';
        context.report({ at: pointer, message: `${label()} ${what}, not an object; give the key of ${file}.` });
      }
    }
  },
});
