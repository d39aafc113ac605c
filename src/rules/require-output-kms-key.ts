import { defineRule } from '../rule-support/define-rule.js';
import { knownObjectAt } from '../rule-support/kms-keys.js';

export default defineRule({
  id: 'require-output-kms-key',
  title: 'Encrypt the job output with a KMS key you choose',
  description: '`ModelBiasJobOutputConfig.KmsKeyId` is set.',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Without `KmsKeyId`, SageMaker encrypts the reports a monitoring run uploads to S3 with the default AWS ' +
      'managed key for Amazon S3 of the role\'s account, whose key policy cannot be edited: you cannot control or ' +
      'audit who may decrypt them, and an output bucket in another account cannot be used at all ' +
      '([MonitoringOutputConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringOutputConfig.html), ' +
      '[Notebook instances, SageMaker AI jobs, and Endpoints](https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html)). ' +
      'Bias reports name the facets and outcomes of your data; give them a customer managed key.',
  },
  reads: ['/ModelBiasJobOutputConfig/KmsKeyId'],
  check(context) {
    const pointer = `${context.propertiesPointer}/ModelBiasJobOutputConfig`;
    // A missing ModelBiasJobOutputConfig, or one of another type, is require-members' or valid-value-type's finding.
    const outputConfig = knownObjectAt(context, pointer);
    if (outputConfig === undefined || outputConfig.KmsKeyId !== undefined) return;
    // At the key of ModelBiasJobOutputConfig; or, where an Fn::If removes KmsKeyId, at that branch.
    context.report({
      at: `${pointer}/KmsKeyId`,
      target: 'key',
      message:
        'ModelBiasJobOutputConfig has no KmsKeyId: set it to a customer managed KMS key, so that the reports written ' +
        'to S3 are encrypted with a key you control.',
    });
  },
});
