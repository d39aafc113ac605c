import { defineRule, hasSchemaViolation } from '../rule-support/define-rule.js';
import { hasLocalStorage, isEmptyChosenByCondition, judgeKmsKeyId, KMS_KEY_MEMBERS, KMS_KEY_POINTERS } from '../rule-support/kms-keys.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'valid-kms-key-id',
  title: 'Name KMS keys in a form KMS accepts',
  description: '`KmsKeyId` and `VolumeKmsKeyId` are a key id, a key ARN, an alias name or an alias ARN of KMS.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'KMS names a key by its key id (a UUID, or `mrk-` and 32 hex digits for a multi-Region key), its key ARN ' +
      '(`arn:<partition>:kms:<region>:<account>:key/<key id>`), an alias name (`alias/<name>`) or an alias ARN ' +
      '([Key identifiers](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id), ' +
      '[ProcessingOutputConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingOutputConfig.html)). ' +
      'The API pattern `[a-zA-Z0-9:/_-]*` lets an S3 or IAM ARN, an empty string or a made-up word through, and ' +
      'the CloudFormation schema takes any string, so such a value fails only when SageMaker or KMS looks the ' +
      'key up. ARNs must name a known partition, a region of that partition and a 12-digit account. AWS managed ' +
      'aliases (`alias/aws/s3`) are valid names. A value the schema rules already report, and a `VolumeKmsKeyId` ' +
      'on an instance type with local storage (`no-volume-kms-key-on-local-storage`), are not reported again; nor is ' +
      'an empty string chosen by `Fn::If`, the idiom of an optional key whose condition rules the empty value out.',
  },
  // The instance type says whether the job has local storage.
  reads: [...KMS_KEY_POINTERS, '/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    for (const { name, parent, acceptsAliases } of KMS_KEY_MEMBERS) {
      const pointer = `${context.propertiesPointer}${parent}/${name}`;
      const value = context.valueAt(pointer);
      if (typeof value !== 'string' || context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) continue;
      if (name === 'VolumeKmsKeyId' && hasLocalStorage(context) === true) continue;
      if (isEmptyChosenByCondition(context, pointer)) continue;
      const verdict = judgeKmsKeyId(value, acceptsAliases);
      if (!verdict.valid) context.report({ at: pointer, message: `${name} ${quote(value)} ${verdict.problem}.` });
    }
  },
});
