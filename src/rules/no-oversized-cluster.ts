import { defineRule } from '../rule-support/define-rule.js';
import { judgeableValue } from '../rule-support/judgeable.js';

export interface Options {
  maxInstanceCount: number;
  maxVolumeSizeInGB: number;
}

/** The API's own limits (ProcessingInstanceCount, ProcessingVolumeSizeInGB): the defaults, which add nothing. */
const API_MAX_INSTANCE_COUNT = 100;
const API_MAX_VOLUME_SIZE_IN_GB = 16384;

export default defineRule<Options>({
  id: 'no-oversized-cluster',
  title: 'Keep the cluster within your team\'s limits',
  description: '`InstanceCount` and `VolumeSizeInGB` are at most the `maxInstanceCount` and `maxVolumeSizeInGB` options.',
  severity: 'off',
  appliesTo: ['api-request', 'cfn-resource'],
  docs: {
    rationale:
      'Every scheduled run starts `InstanceCount` instances, each with a `VolumeSizeInGB` storage volume, and ' +
      'bills them for the run ([MonitoringClusterConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringClusterConfig.html)). ' +
      'The API allows up to 100 instances and 16384 GB, far more than a bias analysis of captured data needs ' +
      '(the SageMaker Python SDK defaults to 1 instance and 30 GB), and a typo such as `300` for `30` passes it. ' +
      'Teams set the limits they budget for here. The defaults are the API\'s limits, which `valid-number-range` ' +
      'already enforces, so the rule reports nothing until configured.',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        maxInstanceCount: {
          type: 'integer',
          minimum: 1,
          maximum: API_MAX_INSTANCE_COUNT,
          description: 'The most instances a job may use (the API allows 100).',
        },
        maxVolumeSizeInGB: {
          type: 'integer',
          minimum: 1,
          maximum: API_MAX_VOLUME_SIZE_IN_GB,
          description: 'The largest storage volume, in GB, a job may attach to each instance (the API allows 16384).',
        },
      },
      additionalProperties: false,
    },
    defaults: { maxInstanceCount: API_MAX_INSTANCE_COUNT, maxVolumeSizeInGB: API_MAX_VOLUME_SIZE_IN_GB },
    example: { maxInstanceCount: 2, maxVolumeSizeInGB: 100 },
  },
  reads: ['/JobResources/ClusterConfig/InstanceCount', '/JobResources/ClusterConfig/VolumeSizeInGB'],
  check(context) {
    const cluster = `${context.propertiesPointer}/JobResources/ClusterConfig`;
    const limits = [
      { name: 'InstanceCount', limit: context.options.maxInstanceCount, option: 'maxInstanceCount', unit: '' },
      { name: 'VolumeSizeInGB', limit: context.options.maxVolumeSizeInGB, option: 'maxVolumeSizeInGB', unit: ' GB' },
    ] as const;
    for (const { name, limit, option, unit } of limits) {
      const pointer = `${cluster}/${name}`;
      // A value out of the API's range, or of the wrong type, is the schema rules' finding.
      const value = judgeableValue(context, pointer);
      if (typeof value !== 'number' || value <= limit) continue;
      context.report({
        at: pointer,
        message: `${name} ${String(value)} is more than ${String(limit)}${unit}, the most your team allows (${option}); lower it or have the limit raised.`,
      });
    }
  },
});
