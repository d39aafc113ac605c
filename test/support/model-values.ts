/** Values the generated-model tests start from and change one member at a time. */

/** A small request that satisfies every constraint of the API model. */
export function validRequest(): Record<string, unknown> {
  return {
    JobDefinitionName: 'bias-job-1',
    ModelBiasAppSpecification: {
      ImageUri: '205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0',
      ConfigUri: 's3://example-bucket/bias/analysis_config.json',
    },
    ModelBiasJobInput: {
      GroundTruthS3Input: { S3Uri: 's3://example-bucket/ground-truth' },
      EndpointInput: { EndpointName: 'my-endpoint', LocalPath: '/opt/ml/processing/input/endpoint' },
    },
    ModelBiasJobOutputConfig: {
      MonitoringOutputs: [{ S3Output: { S3Uri: 's3://example-bucket/output', LocalPath: '/opt/ml/processing/output' } }],
    },
    JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 } },
    RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
  };
}

/** The same definition as a CloudFormation resource that satisfies the CFN model (no JobDefinitionName: optional there). */
export function validResource(): Record<string, unknown> {
  const { JobDefinitionName: _name, ...properties } = validRequest();
  return { Type: 'AWS::SageMaker::ModelBiasJobDefinition', Properties: properties };
}

export const REMOVE = Symbol('remove');

/** Sets (or, given {@link REMOVE}, deletes) the value at a JSON Pointer whose parent exists. */
export function setAt(document: unknown, pointer: string, value: unknown): void {
  const tokens = pointer.split('/').slice(1);
  const last = tokens.pop();
  let parent = document;
  for (const token of tokens) {
    if (typeof parent !== 'object' || parent === null) throw new Error(`${pointer}: no parent at ${token}`);
    parent = (parent as Record<string, unknown>)[token];
  }
  if (typeof parent !== 'object' || parent === null || last === undefined) throw new Error(`${pointer}: no parent`);
  if (value === REMOVE) delete (parent as Record<string, unknown>)[last];
  else (parent as Record<string, unknown>)[last] = value;
}
