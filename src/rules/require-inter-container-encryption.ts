import { defineRule } from '../rule-support/define-rule.js';
import { networkConfigOf, networkFlag } from '../rule-support/network-config.js';

const FIX = 'set EnableInterContainerTrafficEncryption: true';

export default defineRule({
  id: 'require-inter-container-encryption',
  title: 'Encrypt traffic between the job\'s instances',
  description: 'When `ClusterConfig.InstanceCount` is more than 1, `NetworkConfig.EnableInterContainerTrafficEncryption` is true.',
  severity: 'warning',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'A job on several instances sends data between them. `MonitoringNetworkConfig.' +
      'EnableInterContainerTrafficEncryption` decides "whether to encrypt all communications between the ' +
      'instances used for the monitoring jobs … Encryption provides greater security for distributed jobs, but ' +
      'the processing might take longer" (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html, ' +
      'and https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html for how it works). It is off unless ' +
      'set. On a single instance there is no such traffic, so the rule says nothing there; it is a warning because ' +
      'the cost in run time may be a deliberate trade.',
  },
  // NetworkConfig's members are listed, to leave a misspelt flag to no-unknown-members.
  reads: ['/JobResources/ClusterConfig/InstanceCount', '/NetworkConfig'],
  check(context) {
    const countPointer = `${context.propertiesPointer}/JobResources/ClusterConfig/InstanceCount`;
    const count = context.valueAt(countPointer);
    if (typeof count !== 'number' || !(count > 1) || context.isUnknown(countPointer)) return;
    const instances = `the ${count} instances`;
    const config = networkConfigOf(context);
    if (config.kind === 'missing') {
      context.report({
        at: config.at,
        target: 'key',
        message: `${context.label} has no NetworkConfig, so traffic between ${instances} is not encrypted; add NetworkConfig and ${FIX}.`,
      });
      return;
    }
    if (config.kind !== 'present') return;
    const flag = networkFlag(context, config, 'EnableInterContainerTrafficEncryption');
    if (flag === 'missing') {
      context.report({
        at: config.pointer,
        target: 'key',
        message: `NetworkConfig does not set EnableInterContainerTrafficEncryption, so traffic between ${instances} is not encrypted; ${FIX}.`,
      });
    } else if (flag === false) {
      context.report({
        at: `${config.pointer}/EnableInterContainerTrafficEncryption`,
        message: `EnableInterContainerTrafficEncryption is false, so traffic between ${instances} is not encrypted; ${FIX}.`,
      });
    }
  },
});
