/**
 * The documents of the benchmark tree, shaped after the fixtures (fixtures/examples, fixtures/templates,
 * fixtures/rules/<id>/{valid,invalid}, fixtures/cdk): model bias request bodies, CloudFormation templates and CDK
 * stack templates, clean or with the defects people make, and the unrelated JSON and YAML a repository holds.
 * Each builder takes a seeded random source and returns a plain value (with `Intrinsic`s for CloudFormation).
 */
import { fn, fnIf, getAtt, join, ref, sub } from './serialize.mjs';

/** Regions with the account of their Clarify image (src/rule-support/clarify-images.ts). */
const CLARIFY_ACCOUNTS = {
  'us-east-1': '205585389593',
  'us-east-2': '211330385671',
  'us-west-2': '306415355426',
  'eu-west-1': '131013547314',
  'eu-central-1': '017069133835',
  'ap-southeast-2': '007051062584',
  'ap-northeast-1': '377024640650',
};
const REGIONS = Object.keys(CLARIFY_ACCOUNTS);
export const MODELS = [
  'churn', 'fraud', 'credit-risk', 'lifetime-value', 'propensity', 'recommendation', 'pricing', 'attrition',
  'default-risk', 'claims', 'upsell', 'next-best-offer', 'loan-approval', 'hiring-screen', 'insurance-quote',
];
export const TEAMS = ['ml-platform', 'risk', 'growth', 'payments', 'lending', 'marketing', 'people-analytics', 'insurance'];
const INSTANCE_TYPES = ['ml.m5.large', 'ml.m5.xlarge', 'ml.m5.2xlarge', 'ml.m5.4xlarge', 'ml.c5.xlarge', 'ml.c5.2xlarge', 'ml.r5.xlarge'];
const ACCOUNTS = ['123456789012', '210987654321', '555566667777', '444455556666'];

const clarifyImage = (region) => `${CLARIFY_ACCOUNTS[region]}.dkr.ecr.${region}.amazonaws.com/sagemaker-clarify-processing:1.0`;
const kmsKeyArn = (rng, region, account) =>
  `arn:aws:kms:${region}:${account}:key/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;

/** What a definition is about: one model of one team, in one account and region. */
export function definitionSubject(rng) {
  const region = rng.pick(REGIONS);
  const model = rng.pick(MODELS);
  return {
    model,
    team: rng.pick(TEAMS),
    region,
    account: rng.pick(ACCOUNTS),
    bucket: `${rng.pick(['acme', 'example', 'contoso', 'initech'])}-${model}-monitoring-${rng.pick(['prod', 'staging', 'dev'])}`,
    batch: rng.chance(0.25),
  };
}

/** A complete, hardened `CreateModelBiasJobDefinition` request: what the clean fixtures look like. */
export function requestBody(rng, subject) {
  const { model, team, region, account, bucket } = subject;
  const prefix = `s3://${bucket}/${model}`;
  const key = kmsKeyArn(rng, region, account);
  const input = {
    LocalPath: subject.batch ? '/opt/ml/processing/input/batch' : '/opt/ml/processing/input/endpoint',
    S3InputMode: rng.pick(['File', 'Pipe']),
    S3DataDistributionType: 'FullyReplicated',
    ...(rng.chance(0.5) && { FeaturesAttribute: 'features', InferenceAttribute: '0' }),
    ...(rng.chance(0.5) && { ProbabilityAttribute: '0', ProbabilityThresholdAttribute: rng.pick([0.5, 0.6, 0.75, 0.8]) }),
    StartTimeOffset: '-PT2H',
    EndTimeOffset: '-PT1H',
  };
  return {
    JobDefinitionName: `${model}-bias-${rng.pick(['v1', 'v2', 'daily', 'hourly', 'prod'])}`,
    ...(rng.chance(0.7) && {
      ModelBiasBaselineConfig: {
        ...(rng.chance(0.3) && { BaseliningJobName: `${model}-baseline` }),
        ConstraintsResource: { S3Uri: `${prefix}/baseline/constraints.json` },
      },
    }),
    ModelBiasAppSpecification: {
      ImageUri: clarifyImage(region),
      ConfigUri: `${prefix}/analysis_config.json`,
      Environment: { publish_cloudwatch_metrics: 'Enabled', ...(rng.chance(0.3) && { LOG_LEVEL: 'INFO' }) },
    },
    ModelBiasJobInput: {
      ...(subject.batch
        ? {
            BatchTransformInput: {
              DataCapturedDestinationS3Uri: `${prefix}/capture`,
              DatasetFormat: rng.pick([{ Csv: { Header: true } }, { Json: { Line: true } }, { Parquet: {} }]),
              ...input,
            },
          }
        : { EndpointInput: { EndpointName: `${model}-endpoint`, ...input } }),
      GroundTruthS3Input: { S3Uri: `${prefix}/ground-truth` },
    },
    ModelBiasJobOutputConfig: {
      MonitoringOutputs: [{ S3Output: { S3Uri: `${prefix}/reports`, LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }],
      KmsKeyId: key,
    },
    JobResources: {
      ClusterConfig: {
        InstanceCount: rng.int(1, 3),
        InstanceType: rng.pick(INSTANCE_TYPES),
        VolumeSizeInGB: rng.pick([20, 30, 50, 100]),
        VolumeKmsKeyId: key,
      },
    },
    NetworkConfig: {
      EnableInterContainerTrafficEncryption: true,
      EnableNetworkIsolation: true,
      VpcConfig: { SecurityGroupIds: [`sg-${rng.hex(17)}`], Subnets: [`subnet-${rng.hex(17)}`, `subnet-${rng.hex(17)}`] },
    },
    RoleArn: `arn:aws:iam::${account}:role/service-role/${rng.pick(['SageMakerMonitoringRole', 'BiasMonitorRole', `${model}-monitor`])}`,
    StoppingCondition: { MaxRuntimeInSeconds: rng.pick([1800, 3600]) },
    Tags: [{ Key: 'team', Value: team }, ...(rng.chance(0.5) ? [{ Key: 'cost-center', Value: `cc-${rng.int(100, 999)}` }] : [])],
  };
}

/** Mistakes seen in the invalid fixtures, each applied to a request body or a template's resource properties. */
const DEFECTS = {
  'upper-case instance type': (body) => cluster(body) && (cluster(body).InstanceType = 'ML.M5.XLARGE'),
  'EC2 instance type': (body) => cluster(body) && (cluster(body).InstanceType = 'm5.2xlarge'),
  'GPU instance type': (body) => cluster(body) && (cluster(body).InstanceType = 'ml.g4dn.xlarge'),
  'underscore in name': (body) => (body.JobDefinitionName = `${String(body.JobDefinitionName ?? 'bias')}_v2`.replace(/[^\w-]/g, '_')),
  'volume too large': (body) => cluster(body) && (cluster(body).VolumeSizeInGB = 20000),
  'count as a string': (body) => cluster(body) && (cluster(body).InstanceCount = '2'),
  'FastFile input mode': (body) => jobInput(body) && (jobInput(body).S3InputMode = 'FastFile'),
  'bucket name with capitals': (body) => (body.ModelBiasJobInput.GroundTruthS3Input = { S3Uri: 's3://Example_Monitoring/ground-truth' }),
  'HTTPS config URI': (body) => (body.ModelBiasAppSpecification.ConfigUri = 'https://example-monitoring.s3.amazonaws.com/analysis_config.json'),
  'member in camel case': (body) => {
    body.NetworkConfig = { enableNetworkIsolation: true, ...body.NetworkConfig };
    delete body.NetworkConfig.EnableNetworkIsolation;
  },
  'no role': (body) => delete body.RoleArn,
  'empty ground truth': (body) => (body.ModelBiasJobInput.GroundTruthS3Input = {}),
  'offsets reversed': (body) => jobInput(body) && Object.assign(jobInput(body), { StartTimeOffset: '-PT1H', EndTimeOffset: '-PT2H' }),
  'threshold as a percentage': (body) =>
    jobInput(body) && Object.assign(jobInput(body), { ProbabilityAttribute: '0', ProbabilityThresholdAttribute: 50 }),
  'S3 ARN as KMS key': (body) => (body.ModelBiasJobOutputConfig.KmsKeyId = 'arn:aws:s3:::example-monitoring/keys/output'),
  'no network config': (body) => delete body.NetworkConfig,
  'service-linked role': (body) =>
    (body.RoleArn = 'arn:aws:iam::123456789012:role/aws-service-role/sagemaker.amazonaws.com/AWSServiceRoleForAmazonSageMakerNotebooks'),
  'empty stopping condition': (body) => (body.StoppingCondition = {}),
  'malformed security group': (body) => body.NetworkConfig?.VpcConfig && (body.NetworkConfig.VpcConfig.SecurityGroupIds = ['sg-prod']),
  'image of another region': (body) =>
    (body.ModelBiasAppSpecification.ImageUri = clarifyImage(body.ModelBiasAppSpecification.ImageUri.includes('eu-west-1') ? 'us-east-1' : 'eu-west-1')),
  'model monitor image': (body) =>
    (body.ModelBiasAppSpecification.ImageUri = '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer'),
};

const cluster = (body) => body.JobResources?.ClusterConfig;
const jobInput = (body) => body.ModelBiasJobInput?.EndpointInput ?? body.ModelBiasJobInput?.BatchTransformInput;

/** Applies 1 to 3 defects; returns their names. */
export function addDefects(rng, body) {
  const names = rng.sample(Object.keys(DEFECTS), rng.int(1, 3));
  for (const name of names) DEFECTS[name](body);
  return names;
}

/**
 * A CloudFormation template: parameters with `Default` and `AllowedValues`, conditions, mappings and
 * `biasJobs` model bias job definitions with their schedules. With `ownResources` the stack also holds the data
 * bucket, KMS key and IAM role, and `extraResources` resources of other kinds (a few KB to tens of KB of text);
 * without, it takes them from parameters and exports, as small single-purpose templates do.
 */
export function cloudFormationTemplate(rng, { subject, biasJobs, ownResources, extraResources, defective }) {
  const { model, region } = subject;
  const badParameter = defective && rng.chance(0.3);
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Bias monitoring for the ${model} model (${subject.team})${ownResources ? ', with its data bucket, key and role' : ''}.`,
    Parameters: {
      Env: { Type: 'String', Default: 'prod', AllowedValues: ['prod', 'staging', 'dev'], Description: 'Deployment stage' },
      InstanceType: {
        Type: 'String',
        Default: badParameter ? 'ML.M5.XLARGE' : 'ml.m5.xlarge',
        AllowedValues: badParameter && rng.chance(0.5) ? ['ml.m5.xlarge', 'ml.m5.huge'] : ['ml.m5.xlarge', 'ml.m5.2xlarge', 'ml.c5.2xlarge'],
      },
      VolumeSize: { Type: 'Number', Default: badParameter ? 20000 : 30, MinValue: 1 },
      EndpointName: { Type: 'String', Default: `${model}-endpoint` },
      SubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>' },
      SecurityGroupId: { Type: 'AWS::EC2::SecurityGroup::Id' },
      ...(ownResources
        ? { AlarmEmail: { Type: 'String', Default: `${subject.team}-oncall@example.com` } }
        : {
            DataBucket: { Type: 'String', Default: subject.bucket, Description: 'Bucket of captures, ground truth and reports' },
            MonitoringRoleArn: { Type: 'String', Default: `arn:aws:iam::${subject.account}:role/service-role/${pascal(model)}MonitoringRole` },
          }),
    },
    Conditions: {
      IsProd: fn('Equals', [ref('Env'), 'prod']),
      ...(ownResources && { CreateAlarms: fn('Not', [fn('Equals', [ref('Env'), 'dev'])]) }),
    },
    Mappings: {
      Sizing: { prod: { Count: 2, Volume: 100 }, staging: { Count: 1, Volume: 50 }, dev: { Count: 1, Volume: 20 } },
      ClarifyImage: Object.fromEntries(rng.sample(REGIONS, 4).concat(region).map((name) => [name, { Image: clarifyImage(name) }])),
    },
    Resources: ownResources ? monitoringResources(rng, subject, TEMPLATE_SCOPE) : {},
    Outputs: {},
  };
  const references = ownResources
    ? { keyArn: getAtt(TEMPLATE_SCOPE.key, 'Arn'), roleArn: getAtt(TEMPLATE_SCOPE.role, 'Arn') }
    : { keyArn: fn('ImportValue', `${subject.team}-monitoring-key-arn`), roleArn: ref('MonitoringRoleArn') };
  for (let index = 0; index < biasJobs; index += 1) {
    const id = `${pascal(model)}Bias${index === 0 ? '' : index + 1}`;
    const name = `${model}-bias-${index + 1}`;
    const properties = biasJobProperties(rng, subject, name, references);
    if (defective && !badParameter) addTemplateDefects(rng, properties);
    template.Resources[`${id}Job`] = {
      Type: 'AWS::SageMaker::ModelBiasJobDefinition',
      ...(ownResources && rng.chance(0.2) && { DependsOn: [TEMPLATE_SCOPE.role] }),
      Properties: properties,
    };
    if (rng.chance(0.8)) template.Resources[`${id}Schedule`] = monitoringSchedule(rng, name, `${id}Job`, defective);
    template.Outputs[`${id}JobArn`] = { Value: ref(`${id}Job`), Export: { Name: sub(`\${AWS::StackName}-${id}JobArn`) } };
  }
  for (let index = 0; index < extraResources; index += 1) {
    const [kind, build] = rng.pick(EXTRA_RESOURCES);
    template.Resources[`${kind}${index + 1}`] = build(rng, subject, TEMPLATE_SCOPE);
  }
  if (ownResources) {
    template.Outputs.DataBucketName = { Value: ref(TEMPLATE_SCOPE.bucket) };
    template.Outputs.MonitoringRoleArn = { Value: references.roleArn, Export: { Name: sub('${AWS::StackName}-MonitoringRoleArn') } };
  }
  return template;
}

/** The definition as hand-written templates say it: parameters, mappings, conditions and references. */
function biasJobProperties(rng, subject, name, { keyArn, roleArn }) {
  const input = {
    LocalPath: subject.batch ? '/opt/ml/processing/input/batch' : '/opt/ml/processing/input/endpoint',
    S3InputMode: fnIf('IsProd', 'File', 'Pipe'),
    S3DataDistributionType: 'FullyReplicated',
    StartTimeOffset: '-PT1H',
    EndTimeOffset: '-PT0H',
    ...(rng.chance(0.5) && { ProbabilityAttribute: '0', ProbabilityThresholdAttribute: 0.5 }),
  };
  return {
    JobDefinitionName: name,
    ...(rng.chance(0.5) && { ModelBiasBaselineConfig: { ConstraintsResource: { S3Uri: sub('s3://${DataBucket}/baseline/constraints.json') } } }),
    ModelBiasAppSpecification: {
      ImageUri: rng.chance(0.5) ? fn('FindInMap', ['ClarifyImage', ref('AWS::Region'), 'Image']) : clarifyImage(subject.region),
      ConfigUri: sub(`s3://\${DataBucket}/${subject.model}/analysis_config.json`),
      Environment: { STAGE: ref('Env'), REGION: sub('${AWS::Region}') },
    },
    ModelBiasJobInput: {
      ...(subject.batch
        ? {
            BatchTransformInput: {
              DataCapturedDestinationS3Uri: join('', ['s3://', ref('DataBucket'), `/${subject.model}/capture`]),
              DatasetFormat: rng.chance(0.5) ? { Csv: { Header: true } } : { Parquet: true },
              ...input,
            },
          }
        : { EndpointInput: { EndpointName: ref('EndpointName'), ...input } }),
      GroundTruthS3Input: { S3Uri: join('', ['s3://', ref('DataBucket'), `/${subject.model}/ground-truth`]) },
    },
    ModelBiasJobOutputConfig: {
      KmsKeyId: keyArn,
      MonitoringOutputs: [
        { S3Output: { LocalPath: '/opt/ml/processing/output', S3Uri: sub(`s3://\${DataBucket}/${subject.model}/reports`), S3UploadMode: 'EndOfJob' } },
      ],
    },
    JobResources: {
      ClusterConfig: {
        InstanceCount: fn('FindInMap', ['Sizing', ref('Env'), 'Count']),
        InstanceType: ref('InstanceType'),
        VolumeSizeInGB: rng.chance(0.5) ? ref('VolumeSize') : fnIf('IsProd', fn('FindInMap', ['Sizing', 'prod', 'Volume']), 20),
        VolumeKmsKeyId: keyArn,
      },
    },
    NetworkConfig: {
      EnableNetworkIsolation: true,
      EnableInterContainerTrafficEncryption: fnIf('IsProd', true, ref('AWS::NoValue')),
      VpcConfig: { SecurityGroupIds: [ref('SecurityGroupId')], Subnets: ref('SubnetIds') },
    },
    RoleArn: roleArn,
    StoppingCondition: { MaxRuntimeInSeconds: fnIf('IsProd', 1800, 3600) },
    Tags: [
      { Key: 'team', Value: subject.team },
      { Key: 'env', Value: ref('Env') },
      fnIf('IsProd', { Key: 'tier', Value: 'gold' }, ref('AWS::NoValue')),
    ],
  };
}

/** Template mistakes: literal bad values among the intrinsics (parameters with bad values are made above). */
function addTemplateDefects(rng, properties) {
  const defects = {
    'literal bad instance type': () => (properties.JobResources.ClusterConfig.InstanceType = fnIf('IsProd', 'ml.m5.huge', 'ml.m5.large')),
    'no ground truth URI': () => (properties.ModelBiasJobInput.GroundTruthS3Input = {}),
    'volume too large': () => (properties.JobResources.ClusterConfig.VolumeSizeInGB = 20000),
    'no network isolation': () => delete properties.NetworkConfig,
    'bad S3 URI': () => (properties.ModelBiasAppSpecification.ConfigUri = 's3://My_Bucket/analysis_config.json'),
    'underscore in name': () => (properties.JobDefinitionName = String(properties.JobDefinitionName).replaceAll('-', '_')),
  };
  for (const name of rng.sample(Object.keys(defects), rng.int(1, 2))) defects[name]();
}

function monitoringSchedule(rng, definitionName, definitionId, defective) {
  const byArn = defective && rng.chance(0.3);
  const expression =
    defective && rng.chance(0.3) ? 'cron(0 12 * * * *)' : rng.pick(['cron(0 * ? * * *)', 'cron(0 6 ? * * *)', 'cron(0 0/6 ? * * *)']);
  return {
    Type: 'AWS::SageMaker::MonitoringSchedule',
    DependsOn: [definitionId],
    Properties: {
      MonitoringScheduleName: `${definitionName}-schedule`,
      EndpointName: ref('EndpointName'),
      MonitoringScheduleConfig: {
        MonitoringJobDefinitionName: byArn ? ref(definitionId) : definitionName,
        MonitoringType: 'ModelBias',
        ScheduleConfig: { ScheduleExpression: expression },
      },
      Tags: [{ Key: 'env', Value: ref('Env') }],
    },
  };
}

/**
 * How a stack's resources name each other and the stage: hand-written templates take the stage as a parameter,
 * CDK stacks have it baked in and logical ids with a hash.
 */
const TEMPLATE_SCOPE = { bucket: 'DataBucket', key: 'MonitoringKey', role: 'MonitoringRole', stage: ref('Env'), stageInSub: '${Env}' };

const ID_SCOPE_KEYS = { DataBucket: 'bucket', MonitoringKey: 'key', MonitoringRole: 'role' };

/** `!Sub '${Bucket.Arn}/path'`: objects of a bucket of the stack, for IAM policies. */
const objectsOf = (bucket, path) => sub(`\${${bucket}.Arn}/${path}`);

/** The bucket, key and role every bias monitoring stack has. */
function monitoringResources(rng, subject, scope) {
  return {
    DataBucket: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BucketName: sub(`${subject.bucket}-\${AWS::AccountId}-\${AWS::Region}`),
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: getAtt(scope.key, 'Arn') }, BucketKeyEnabled: true },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LifecycleConfiguration: {
          Rules: [
            { Id: 'expire-captures', Status: 'Enabled', Prefix: `${subject.model}/capture/`, ExpirationInDays: rng.pick([30, 60, 90]) },
            {
              Id: 'archive-reports',
              Status: 'Enabled',
              Prefix: `${subject.model}/reports/`,
              Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 180 }],
            },
          ],
        },
        Tags: [{ Key: 'team', Value: subject.team }, { Key: 'env', Value: scope.stage }],
      },
    },
    DataBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: ref(scope.bucket),
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [getAtt(scope.bucket, 'Arn'), objectsOf(scope.bucket, '*')],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
    MonitoringKey: {
      Type: 'AWS::KMS::Key',
      Properties: {
        Description: sub(`Encrypts ${subject.model} bias monitoring data in \${AWS::Region}`),
        EnableKeyRotation: true,
        KeyPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AccountAdmin',
              Effect: 'Allow',
              Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
              Action: 'kms:*',
              Resource: '*',
            },
            {
              Sid: 'MonitoringUse',
              Effect: 'Allow',
              Principal: { AWS: getAtt(scope.role, 'Arn') },
              Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:CreateGrant'],
              Resource: '*',
            },
          ],
        },
      },
    },
    MonitoringKeyAlias: {
      Type: 'AWS::KMS::Alias',
      Properties: { AliasName: sub(`alias/${subject.model}-monitoring-${scope.stageInSub}`), TargetKeyId: ref(scope.key) },
    },
    MonitoringRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/AmazonSageMakerFullAccess')],
        Policies: [
          {
            PolicyName: 'monitoring-data',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
                  Resource: [getAtt(scope.bucket, 'Arn'), objectsOf(scope.bucket, '*')],
                },
                { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: getAtt(scope.key, 'Arn') },
                {
                  Effect: 'Allow',
                  Action: ['cloudwatch:PutMetricData'],
                  Resource: '*',
                  Condition: { StringEquals: { 'cloudwatch:namespace': 'aws/sagemaker/Endpoints/data-metrics' } },
                },
              ],
            },
          },
        ],
        Tags: [{ Key: 'team', Value: subject.team }],
      },
    },
  };
}

/** Resources of other kinds that monitoring stacks hold too: they make up most of a real template's text. */
const EXTRA_RESOURCES = [
  ['AlarmTopic', (rng, subject, scope) => ({
    Type: 'AWS::SNS::Topic',
    Properties: {
      TopicName: sub(`${subject.model}-alarms-${scope.stageInSub}`),
      KmsMasterKeyId: ref(scope.key),
      Subscription: [{ Protocol: 'email', Endpoint: `${subject.team}-oncall@example.com` }],
    },
  })],
  ['ViolationQueue', (rng, subject, scope) => ({
    Type: 'AWS::SQS::Queue',
    Properties: {
      MessageRetentionPeriod: rng.pick([345600, 1209600]),
      VisibilityTimeout: 300,
      KmsMasterKeyId: ref(scope.key),
      SqsManagedSseEnabled: false,
    },
  })],
  ['ReportFunction', (rng, subject, scope) => ({
    Type: 'AWS::Lambda::Function',
    Properties: {
      Runtime: rng.pick(['python3.12', 'nodejs20.x']),
      Handler: 'index.handler',
      Role: getAtt(scope.role, 'Arn'),
      Timeout: 60,
      MemorySize: rng.pick([128, 256, 512]),
      Environment: { Variables: { BUCKET: ref(scope.bucket), MODEL: subject.model, STAGE: scope.stage } },
      Code: {
        ZipFile: [
          'import json, os, boto3',
          's3 = boto3.client("s3")',
          'def handler(event, context):',
          '    report = event.get("detail", {}).get("MonitoringExecutionStatus")',
          '    key = f"{os.environ[\'MODEL\']}/summaries/{event[\'id\']}.json"',
          '    s3.put_object(Bucket=os.environ["BUCKET"], Key=key, Body=json.dumps(event))',
          '    return {"status": report}',
        ].join('\n'),
      },
      Tags: [{ Key: 'team', Value: subject.team }],
    },
  })],
  ['ViolationAlarm', (rng, subject, scope) => ({
    Type: 'AWS::CloudWatch::Alarm',
    Condition: 'CreateAlarms',
    Properties: {
      AlarmDescription: sub(`Bias drift of ${subject.model} in ${scope.stageInSub}`),
      Namespace: 'aws/sagemaker/Endpoints/bias-metrics',
      MetricName: rng.pick(['feature_baseline_drift_DPPL', 'feature_baseline_drift_CI', 'feature_baseline_drift_DI']),
      Dimensions: [{ Name: 'Endpoint', Value: ref('EndpointName') }, { Name: 'MonitoringSchedule', Value: `${subject.model}-bias-1-schedule` }],
      Statistic: 'Maximum',
      Period: 3600,
      EvaluationPeriods: rng.int(1, 3),
      Threshold: rng.pick([0.1, 0.2, 0.5]),
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [sub(`arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:${subject.team}-alarms`)],
    },
  })],
  ['ReportLogs', (rng, subject, scope) => ({
    Type: 'AWS::Logs::LogGroup',
    Properties: {
      LogGroupName: sub(`/aws/sagemaker/${subject.model}-bias-${scope.stageInSub}`),
      RetentionInDays: rng.pick([14, 30, 90, 365]),
      KmsKeyId: getAtt(scope.key, 'Arn'),
    },
  })],
  ['ExecutionRule', (rng, subject, scope) => ({
    Type: 'AWS::Events::Rule',
    Properties: {
      Description: `Routes ${subject.model} monitoring executions to the report function`,
      EventPattern: {
        source: ['aws.sagemaker'],
        'detail-type': ['SageMaker Model Monitor Execution Status Change'],
        detail: {
          MonitoringScheduleName: [{ prefix: `${subject.model}-bias` }],
          MonitoringExecutionStatus: ['Completed', 'CompletedWithViolations', 'Failed'],
        },
      },
      Targets: [{ Id: 'report', Arn: sub(`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${subject.model}-report`) }],
    },
  })],
  ['ThresholdParameter', (rng, subject, scope) => ({
    Type: 'AWS::SSM::Parameter',
    Properties: {
      Name: sub(`/${subject.team}/${subject.model}/${scope.stageInSub}/bias-threshold`),
      Type: 'String',
      Value: String(rng.pick([0.1, 0.2, 0.25])),
    },
  })],
  ['ArchiveBucket', (rng, subject, scope) => ({
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      ObjectLockEnabled: rng.chance(0.3),
      LoggingConfiguration: { DestinationBucketName: ref(scope.bucket), LogFilePrefix: `${subject.model}/access-logs/` },
      Tags: [{ Key: 'team', Value: subject.team }],
    },
  })],
  ['ReaderPolicy', (rng, subject, scope) => ({
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: {
      Description: `Read ${subject.model} bias reports`,
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:ListBucket'],
            Resource: [getAtt(scope.bucket, 'Arn'), objectsOf(scope.bucket, `${subject.model}/reports/*`)],
          },
          { Effect: 'Allow', Action: 'kms:Decrypt', Resource: getAtt(scope.key, 'Arn') },
        ],
      },
    },
  })],
];

/**
 * A stack template as `cdk synth` writes it (fixtures/cdk): L1 resources with `aws:cdk:path` metadata, no
 * parameters but the bootstrap version, literal names and `Fn::GetAtt`s; `nested` adds an
 * `AWS::CloudFormation::Stack` whose `aws:asset:path` names the nested template.
 */
export function cdkStackTemplate(rng, { stackPath, subject, biasJobs, extraResources, defective, nested }) {
  const hashed = (id) => `${id}${rng.hex(8).toUpperCase()}`;
  const scope = { bucket: hashed('DataBucket'), key: hashed('MonitoringKey'), role: hashed('MonitoringRole'), stage: 'prod', stageInSub: 'prod' };
  const resources = {};
  const add = (logicalId, resource, construct) => {
    resources[logicalId] = { ...resource, Metadata: { 'aws:cdk:path': `${stackPath}/${construct}` } };
  };
  const base = monitoringResources(rng, subject, scope);
  for (const [id, resource] of Object.entries(base)) add(scope[ID_SCOPE_KEYS[id]] ?? hashed(id), resource, `${id}/Resource`);
  for (let index = 0; index < biasJobs; index += 1) {
    const body = requestBody(rng, subject);
    const name = body.JobDefinitionName;
    const properties = {
      ...body,
      RoleArn: getAtt(scope.role, 'Arn'),
      ModelBiasJobOutputConfig: { ...body.ModelBiasJobOutputConfig, KmsKeyId: getAtt(scope.key, 'Arn') },
      JobResources: { ClusterConfig: { ...body.JobResources.ClusterConfig, VolumeKmsKeyId: getAtt(scope.key, 'Arn') } },
    };
    // The CloudFormation resource has no ExcludeFeaturesAttribute and takes `Parquet: true`.
    const batch = properties.ModelBiasJobInput.BatchTransformInput;
    if (batch?.DatasetFormat?.Parquet !== undefined) batch.DatasetFormat = { Parquet: true };
    if (defective) addDefects(rng, properties);
    const jobId = hashed(`BiasJob${index + 1}`);
    add(jobId, { Type: 'AWS::SageMaker::ModelBiasJobDefinition', Properties: properties }, `BiasJob${index + 1}`);
    add(hashed(`BiasSchedule${index + 1}`), {
      Type: 'AWS::SageMaker::MonitoringSchedule',
      Properties: {
        EndpointName: `${subject.model}-endpoint`,
        MonitoringScheduleConfig: {
          MonitoringJobDefinitionName: name,
          MonitoringType: 'ModelBias',
          ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' },
        },
        MonitoringScheduleName: `${name}-schedule`,
      },
      DependsOn: [jobId],
    }, `BiasSchedule${index + 1}`);
  }
  for (let index = 0; index < extraResources; index += 1) {
    // Alarms are conditional in hand-written templates; CDK stacks have no conditions.
    const [kind, build] = rng.pick(EXTRA_RESOURCES.filter(([name]) => name !== 'ViolationAlarm'));
    add(hashed(kind), build(rng, subject, scope), `${kind}${index + 1}/Resource`);
  }
  if (nested !== undefined) {
    resources[nested.logicalId] = {
      Type: 'AWS::CloudFormation::Stack',
      Properties: {
        TemplateURL: join('', [
          'https://s3.',
          ref('AWS::Region'),
          '.',
          ref('AWS::URLSuffix'),
          '/',
          sub('cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}'),
          `/${rng.hex(64)}.json`,
        ]),
      },
      UpdateReplacePolicy: 'Delete',
      DeletionPolicy: 'Delete',
      Metadata: { 'aws:cdk:path': nested.constructPath, 'aws:asset:path': nested.templateFile, 'aws:asset:property': 'TemplateURL' },
    };
  }
  resources.CDKMetadata = {
    Type: 'AWS::CDK::Metadata',
    Properties: { Analytics: `v2:deflate64:${Buffer.from(rng.hex(120), 'hex').toString('base64')}` },
    Metadata: { 'aws:cdk:path': `${stackPath}/CDKMetadata/Default` },
  };
  return {
    Resources: resources,
    Parameters: {
      BootstrapVersion: {
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: '/cdk-bootstrap/hnb659fds/version',
        Description: 'Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]',
      },
    },
  };
}

export function pascal(text) {
  return text.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase());
}

// ---- Files that hold no definition -------------------------------------------------------------------------------

export function packageJson(rng, name) {
  const names = ['aws-cdk-lib', 'constructs', 'zod', 'pino', 'express', 'lodash', '@aws-sdk/client-s3', 'yaml', 'ajv', 'date-fns'];
  const dependencies = rng.sample(names, rng.int(2, 7));
  return {
    name: `@acme/${name}`,
    version: `${rng.int(0, 3)}.${rng.int(0, 20)}.${rng.int(0, 9)}`,
    private: true,
    type: 'module',
    scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run', lint: 'eslint . && sagelint monitoring' },
    dependencies: Object.fromEntries(dependencies.map((dependency) => [dependency, `^${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 9)}`])),
    devDependencies: { typescript: '5.9.3', vitest: '^4.1.0', sagelint: '^0.1.0' },
  };
}

/** tsconfig.json with comments and a trailing comma, as editors write it: not strict JSON. */
export function tsconfigText(rng) {
  return `{
  // Shared settings live in the root config.
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "outDir": "dist",
    "rootDir": "src",
    "strict": true,
    "noUncheckedIndexedAccess": ${rng.chance(0.5)},
    /* Emit declarations for the other packages. */
    "declaration": true,
  },
  "include": ["src"],
}
`;
}

export function i18nMessages(rng, locale) {
  const words = ['Model', 'bias', 'report', 'drift', 'threshold', 'endpoint', 'schedule', 'violation', 'baseline', 'feature', 'owner', 'team'];
  const messages = {};
  for (let index = 0; index < rng.int(20, 120); index += 1) {
    messages[`${rng.pick(['dashboard', 'alerts', 'settings', 'reports'])}.${rng.pick(words).toLowerCase()}${index}`] =
      `${locale === 'en' ? '' : `[${locale}] `}${rng.sample(words, rng.int(2, 6)).join(' ')}`;
  }
  return messages;
}

export function githubWorkflow(rng, name) {
  return {
    name,
    on: { push: { branches: ['main'] }, pull_request: { paths: ['services/**', 'infra/**'] } },
    permissions: { contents: 'read', 'id-token': 'write' },
    jobs: {
      lint: {
        'runs-on': 'ubuntu-latest',
        steps: [
          { uses: 'actions/checkout@v4' },
          { uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } },
          { run: 'npm ci' },
          { run: 'npx sagelint services infra --format sarif -o sagelint.sarif' },
          { uses: 'github/codeql-action/upload-sarif@v3', if: 'always()', with: { sarif_file: 'sagelint.sarif' } },
        ],
      },
      ...(rng.chance(0.5) && {
        deploy: {
          needs: 'lint',
          if: "github.ref == 'refs/heads/main'",
          'runs-on': 'ubuntu-latest',
          environment: rng.pick(['prod', 'staging']),
          steps: [{ uses: 'actions/checkout@v4' }, { run: 'npx cdk deploy --all --require-approval never' }],
        },
      }),
    },
  };
}

export function dockerCompose(rng, service) {
  return {
    services: {
      [service]: {
        build: { context: '.', dockerfile: 'Dockerfile' },
        environment: { AWS_REGION: rng.pick(REGIONS), LOG_LEVEL: 'info', PORT: String(rng.int(3000, 9000)) },
        ports: [`${rng.int(3000, 9000)}:8080`],
        depends_on: ['localstack'],
      },
      localstack: { image: 'localstack/localstack:3', environment: { SERVICES: 's3,sagemaker,kms' }, ports: ['4566:4566'] },
    },
  };
}

/** A Kubernetes deployment and its service, two documents of one YAML stream. */
export function kubernetesManifests(rng, service) {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: service, labels: { app: service } },
      spec: {
        replicas: rng.int(1, 4),
        selector: { matchLabels: { app: service } },
        template: {
          metadata: { labels: { app: service } },
          spec: {
            containers: [
              {
                name: service,
                image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${service}:${rng.hex(7)}`,
                ports: [{ containerPort: 8080 }],
                resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                env: [{ name: 'MODEL_ENDPOINT', value: `${service}-endpoint` }],
              },
            ],
          },
        },
      },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: service }, spec: { selector: { app: service }, ports: [{ port: 80, targetPort: 8080 }] } },
  ];
}
