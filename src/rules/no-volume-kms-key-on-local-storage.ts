import { defineRule } from '../rule-support/define-rule.js';
import { hasLocalStorage, isEmptyChosenByCondition, knownObjectAt } from '../rule-support/kms-keys.js';
import { quote } from '../values.js';

export default defineRule({
  id: 'no-volume-kms-key-on-local-storage',
  title: 'Give no volume KMS key to an instance type with local storage',
  description: 'An instance type with local NVMe storage (g4dn, g5, g6, g6e, r5d, p5) has no `VolumeKmsKeyId`.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Certain Nitro-based instances include local NVMe storage, which SageMaker mounts instead of an EBS volume ' +
      'and which a hardware module on the instance encrypts: "You can\'t request a VolumeKmsKeyId when using an ' +
      'instance type with local storage" ' +
      '([ProcessingClusterConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html), ' +
      '[ResourceConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html)). ' +
      'Monitoring jobs run as processing jobs, so a bias job on ml.g4dn, ml.g5, ml.g6, ml.g6e, ml.r5d or ml.p5 ' +
      'with a `VolumeKmsKeyId` fails. The finding stands whatever the key is: remove it, and the other KMS ' +
      'rules say nothing more about it. A key given by an intrinsic function is not reported, since its value ' +
      '(which may be empty) is not known offline, nor is the empty branch of an optional key (`!If [HasKey, ' +
      '!Ref KeyArn, !Ref AWS::NoValue]` with `KeyArn` defaulting to `\'\'`), which its condition rules out.',
  },
  // The instance type says whether the job has local storage.
  reads: ['/JobResources/ClusterConfig/VolumeKmsKeyId', '/JobResources/ClusterConfig/InstanceType'],
  check(context) {
    const pointer = `${context.propertiesPointer}/JobResources/ClusterConfig`;
    const cluster = knownObjectAt(context, pointer);
    const keyPointer = `${pointer}/VolumeKmsKeyId`;
    if (cluster?.VolumeKmsKeyId === undefined || context.isUnknown(keyPointer) || isEmptyChosenByCondition(context, keyPointer)) return;
    if (hasLocalStorage(context) !== true) return;
    context.report({
      at: keyPointer,
      target: 'key',
      message: `VolumeKmsKeyId is not allowed with InstanceType ${quote(cluster.InstanceType)}, whose local NVMe storage is encrypted in hardware: remove it.`,
    });
  },
});
