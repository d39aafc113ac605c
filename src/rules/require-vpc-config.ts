import { defineRule } from '../rule-support/define-rule.js';
import { networkConfigOf } from '../rule-support/network-config.js';

const FIX = 'add VpcConfig with the SecurityGroupIds and Subnets of the VPC to run it in';

export default defineRule({
  id: 'require-vpc-config',
  title: 'Run the job inside a VPC',
  description: '`NetworkConfig.VpcConfig` is set.',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Without `VpcConfig`, SageMaker runs the job in a VPC it manages, and the job\'s containers reach AWS ' +
      'resources such as your S3 buckets over the internet ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/infrastructure-give-access.html). With it, SageMaker ' +
      'attaches network interfaces in the given subnets, with the given security groups, so the job\'s traffic ' +
      'stays in your VPC (S3 through a VPC endpoint) and shows in its flow logs ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/process-vpc.html; `MonitoringNetworkConfig.VpcConfig`). ' +
      'Many organisations require this of jobs that read production data; it is a warning, and can be turned ' +
      'off where the policy does not apply.',
  },
  reads: ['/NetworkConfig/VpcConfig'],
  check(context) {
    const config = networkConfigOf(context);
    if (config.kind === 'missing') {
      context.report({
        at: config.at,
        target: 'key',
        message: `${context.label} has no NetworkConfig.VpcConfig, so the job does not run in your VPC; ${FIX}.`,
      });
    } else if (config.kind === 'present' && config.value.VpcConfig === undefined) {
      context.report({
        at: config.pointer,
        target: 'key',
        message: `NetworkConfig has no VpcConfig, so the job does not run in your VPC; ${FIX}.`,
      });
    }
  },
});
