import { defineRule, hasSchemaViolation } from '../rule-support/define-rule.js';
import { hasLocalStorage, judgeKmsKeyId } from '../rule-support/kms-keys.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'no-volume-kms-alias',
  title: 'Name the volume key by key id or key ARN',
  description: '`VolumeKmsKeyId` is not an alias name or an alias ARN.',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'For the storage volume of training and processing jobs the SageMaker API reference lists two forms of ' +
      'key, the key id and the key ARN ' +
      '([ResourceConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html), ' +
      '[HyperParameterTuningResourceConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningResourceConfig.html)); ' +
      'aliases are documented only elsewhere (output keys, batch transform volumes), so whether a monitoring ' +
      'job resolves one is not. An alias can also be repointed to another key, and the volumes of later runs ' +
      'encrypted with a key nobody meant. Give the key id or key ARN the alias points to.',
  },
  // The instance type says whether the job has local storage.
  reads: ['/JobResources/ClusterConfig/VolumeKmsKeyId', '/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    const pointer = `${context.propertiesPointer}/JobResources/ClusterConfig/VolumeKmsKeyId`;
    const value = context.valueAt(pointer);
    if (typeof value !== 'string' || context.isUnknown(pointer) || hasSchemaViolation(context, pointer)) return;
    // On local storage the key must go altogether: no-volume-kms-key-on-local-storage says so.
    if (hasLocalStorage(context) === true) return;
    const verdict = judgeKmsKeyId(value, false);
    if (!verdict.valid || (verdict.form !== 'alias name' && verdict.form !== 'alias ARN')) return;
    context.report({
      at: pointer,
      message: `VolumeKmsKeyId ${quote(value)} names the key by an ${verdict.form}, which SageMaker does not document for storage volumes: use the key id or key ARN.`,
    });
  },
});
