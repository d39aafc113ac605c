import { defineRule } from '../rule-support/define-rule.js';
import { networkConfigOf, networkFlag } from '../rule-support/network-config.js';

const FIX = 'set EnableNetworkIsolation: true';

export default defineRule({
  id: 'require-network-isolation',
  title: 'Isolate the job\'s containers from the network',
  description: '`NetworkConfig.EnableNetworkIsolation` is true.',
  severity: 'error',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      '`MonitoringNetworkConfig.EnableNetworkIsolation` decides "whether to allow inbound and outbound network ' +
      'calls to and from the containers used for the monitoring job" ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html). It is off ' +
      'unless set, so by default the container, with the job\'s role, can reach the internet and could send the ' +
      'captured inference data and ground truth anywhere. With isolation on, SageMaker still copies the inputs ' +
      'from S3 and the results back, so a bias analysis needs no network of its own ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html). A missing ' +
      '`NetworkConfig`, a missing flag and `false` are all reported.',
  },
  // Its members are listed, to leave a misspelt flag to no-unknown-members.
  reads: ['/NetworkConfig'],
  check(context) {
    const config = networkConfigOf(context);
    if (config.kind === 'missing') {
      context.report({
        at: config.at,
        target: 'key',
        message: `${context.label} has no NetworkConfig, so the job's containers can call the internet; add NetworkConfig and ${FIX}.`,
      });
      return;
    }
    if (config.kind !== 'present') return;
    const flag = networkFlag(context, config, 'EnableNetworkIsolation');
    if (flag === 'missing') {
      context.report({
        at: config.pointer,
        target: 'key',
        message: `NetworkConfig does not set EnableNetworkIsolation, so the job's containers can call the internet; ${FIX}.`,
      });
    } else if (flag === false) {
      context.report({
        at: `${config.pointer}/EnableNetworkIsolation`,
        message: `EnableNetworkIsolation is false, so the job's containers can call the internet; ${FIX}.`,
      });
    }
  },
});
