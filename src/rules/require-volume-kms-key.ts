import { defineRule } from '../rule-support/define-rule.js';
import { hasLocalStorage, knownObjectAt } from '../rule-support/kms-keys.js';

export default defineRule({
  id: 'require-volume-kms-key',
  title: 'Encrypt the job volume with a KMS key you choose',
  description:
    '`JobResources.ClusterConfig.VolumeKmsKeyId` is set, unless the instance type has local NVMe storage.',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'The ML storage volume of a processing job holds the captured data, the ground truth and the analysis ' +
      'while the job runs. Without `VolumeKmsKeyId` SageMaker encrypts it with a transient key and discards the ' +
      'key; data that must be encrypted with a key you control for compliance needs a KMS key here ' +
      '([Notebook instances, SageMaker AI jobs, and Endpoints](https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html), ' +
      '[MonitoringClusterConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringClusterConfig.html)). ' +
      'Instance types with local NVMe storage (g4dn, g5, g6, g6e, r5d, p5) are exempt: their volumes are ' +
      'encrypted in hardware and cannot take a key (`no-volume-kms-key-on-local-storage`). Nothing is reported ' +
      'while the instance type is not known offline, nor for g7 and g7e, whose local storage is unverified.',
  },
  // The instance type says whether the job has local storage.
  reads: ['/JobResources/ClusterConfig/VolumeKmsKeyId', '/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    const pointer = `${context.propertiesPointer}/JobResources/ClusterConfig`;
    // A missing ClusterConfig, or one of another type, is require-members' or valid-value-type's finding.
    const cluster = knownObjectAt(context, pointer);
    if (cluster === undefined || cluster.VolumeKmsKeyId !== undefined) return;
    // Only a known instance type without local storage needs the key: with local storage it is not allowed.
    if (hasLocalStorage(context) !== false) return;
    // At the key of ClusterConfig; or, where an Fn::If removes VolumeKmsKeyId, at that branch.
    context.report({
      at: `${pointer}/VolumeKmsKeyId`,
      target: 'key',
      message:
        'ClusterConfig has no VolumeKmsKeyId: set it to a customer managed KMS key, so that the job\'s storage ' +
        'volume is encrypted with a key you control.',
    });
  },
});
