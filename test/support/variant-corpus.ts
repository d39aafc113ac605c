/**
 * Files whose template resources have several variants, for the tests of what rules read (`Rule.reads`): every
 * fixture, templates made by the benchmark's generator, and a template whose parameters and conditions change each
 * member a rule reads, and the places around them, one at a time.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fastGlob from 'fast-glob';
import acme from '../../fixtures/plugins/sagelint-plugin-acme/index.js';
import { cloudFormationTemplate, definitionSubject } from '../../scripts/bench/documents.mjs';
import { createRandom } from '../../scripts/bench/random.mjs';
import { writeJson, writeYaml } from '../../scripts/bench/serialize.mjs';
import { enableRule } from '../../src/config/rule-settings.js';
import type { Definition } from '../../src/definitions/definition.js';
import { extractFromSource } from '../../src/definitions/extract.js';
import type { EnabledRule } from '../../src/engine/lint-source.js';
import { loadText } from '../../src/loaders/load.js';
import type { SourceDocument } from '../../src/loaders/source-document.js';
import { registerPlugin } from '../../src/plugins/plugin.js';
import { builtinRules } from '../../src/rules/index.js';
import { FIXTURES } from './rule-tester.js';

export interface CorpusFile {
  source: SourceDocument;
  definitions: readonly Definition[];
}

/** How many templates the benchmark's generator adds, from a fixed seed. */
const GENERATED_TEMPLATES = 80;

/** The corpus, loaded and its definitions found once. */
export async function loadVariantCorpus(): Promise<CorpusFile[]> {
  const texts = new Map<string, string>();
  for (const path of fastGlob.sync('**/*.{json,yaml,yml,template}', { cwd: FIXTURES, dot: true })) {
    texts.set(`fixtures/${path}`, readFileSync(join(FIXTURES, path), 'utf8'));
  }
  const rng = createRandom(0x7e57);
  for (let index = 0; index < GENERATED_TEMPLATES; index += 1) {
    const template = cloudFormationTemplate(rng, {
      subject: definitionSubject(rng),
      biasJobs: 1 + (index % 3),
      ownResources: index % 2 === 0,
      extraResources: 0,
      defective: index % 4 !== 0,
    });
    texts.set(`generated-${index}.${index % 2 === 0 ? 'yaml' : 'json'}`, index % 2 === 0 ? writeYaml(template) : writeJson(template));
  }
  texts.set('every-member-varies.yaml', EVERY_MEMBER_VARIES);
  const corpus: CorpusFile[] = [];
  for (const [path, text] of texts) {
    const source = await loadText(path, text);
    corpus.push({ source, definitions: await extractFromSource(source) });
  }
  return corpus;
}

/**
 * Every built-in rule and the example plugin's, policy rules with the options their docs show (with their defaults
 * they report nothing).
 */
export async function enableEveryRule(): Promise<EnabledRule[]> {
  const rules = [...builtinRules, ...registerPlugin(acme).rules];
  return Promise.all(rules.map((rule) => enableRule(rule, rule.options?.example as Record<string, unknown> | undefined)));
}

/** Where a corpus file is, for messages. */
export function corpusPath(file: CorpusFile): string {
  return relative(join(FIXTURES, '..'), file.source.filePath);
}

/**
 * Each member the rules read takes a good and a bad value (or goes missing) in some variant; so do the members
 * around them, the list and map entries, the whole `NetworkConfig`, the whole `Properties` and `Metadata`.
 */
const EVERY_MEMBER_VARIES = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Name: { Type: String, Default: churn-bias, AllowedValues: [churn-bias, churn_bias] }
  InstanceType: { Type: String, Default: ml.m5.xlarge, AllowedValues: [ml.m5.xlarge, ml.g5.xlarge, ML.M5.HUGE, ml.zz9.xlarge] }
  InstanceCount: { Type: Number, Default: 1, AllowedValues: [1, 3, 500] }
  VolumeSize: { Type: Number, Default: 30, AllowedValues: [30, 5000] }
  VolumeKey: { Type: String, Default: 1234abcd-12ab-34cd-56ef-1234567890ab, AllowedValues: [1234abcd-12ab-34cd-56ef-1234567890ab, alias/volume, not-a-key] }
  OutputKey: { Type: String, Default: '', AllowedValues: ['', 'arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws-cn:kms:cn-north-1:123456789012:alias/reports'] }
  RoleArn: { Type: String, Default: 'arn:aws:iam::123456789012:role/Monitoring', AllowedValues: ['arn:aws:iam::123456789012:role/Monitoring', 'arn:aws:iam::123456789012:role/aws-service-role/sagemaker.amazonaws.com/Linked', 'arn:aws:iam::1234:user/alice'] }
  Image: { Type: String, Default: 205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0, AllowedValues: [205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0, 123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest, 'python:3.12'] }
  ConfigUri: { Type: String, Default: s3://example-monitoring/analysis_config.json, AllowedValues: [s3://example-monitoring/analysis_config.json, s3://example-monitoring/, 'http://example-monitoring/config.json'] }
  LocalPath: { Type: String, Default: /opt/ml/processing/input/endpoint, AllowedValues: [/opt/ml/processing/input/endpoint, /opt/ml/processing/output/in, input] }
  Threshold: { Type: Number, Default: 0.5, AllowedValues: [0.5, 50] }
  StartOffset: { Type: String, Default: -PT2H, AllowedValues: [-PT2H, PT1H, -PT0H] }
  Isolation: { Type: String, Default: 'true', AllowedValues: ['true', 'false'] }
  Subnets: { Type: CommaDelimitedList, Default: subnet-0123abcd, AllowedValues: [subnet-0123abcd, sg-0123abcd, Subnet-0123ABCD] }
  TagKey: { Type: String, Default: team, AllowedValues: [team, 'aws:team', env] }
  MaxRuntime: { Type: Number, Default: 1800, AllowedValues: [1800, 7200, 999999] }
  Schedule: { Type: String, Default: 'cron(0 * ? * * *)', AllowedValues: ['cron(0 * ? * * *)', NOW, 'cron(0 12 * * * *)'] }
  Stage: { Type: String, Default: prod, AllowedValues: [prod, dev] }
  Format: { Type: String, Default: csv, AllowedValues: [csv, both, none] }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  HasOutputKey: !Not [!Equals [!Ref OutputKey, '']]
  IsCsv: !Equals [!Ref Format, csv]
  IsBoth: !Equals [!Ref Format, both]
Resources:
  EndpointJob:
    Type: AWS::SageMaker::ModelBiasJobDefinition
    Metadata:
      owner: !If [IsProd, platform, nobody]
    Properties:
      JobDefinitionName: !Ref Name
      ModelBiasAppSpecification:
        ImageUri: !Ref Image
        ConfigUri: !Ref ConfigUri
        Environment: { STAGE: !Ref Stage }
      ModelBiasBaselineConfig:
        ConstraintsResource: { S3Uri: !If [IsProd, s3://example-monitoring/baseline/analysis.json, s3://example-monitoring/baseline/] }
      ModelBiasJobInput:
        EndpointInput:
          EndpointName: churn-endpoint
          LocalPath: !Ref LocalPath
          S3InputMode: !If [IsProd, File, Pipe]
          ProbabilityThresholdAttribute: !Ref Threshold
          StartTimeOffset: !Ref StartOffset
          EndTimeOffset: -PT1H
        BatchTransformInput: !If
          - IsProd
          - !Ref AWS::NoValue
          - DataCapturedDestinationS3Uri: s3://example-monitoring/capture
            LocalPath: /opt/ml/processing/input/batch
            DatasetFormat: { Parquet: true }
        GroundTruthS3Input: { S3Uri: !If [IsProd, s3://example-monitoring/ground-truth, 'ftp://example-monitoring'] }
      ModelBiasJobOutputConfig:
        KmsKeyId: !If [HasOutputKey, !Ref OutputKey, !Ref AWS::NoValue]
        MonitoringOutputs:
          - S3Output: { S3Uri: s3://example-monitoring/reports, LocalPath: /opt/ml/processing/output }
          - !If
            - IsProd
            - !Ref AWS::NoValue
            - S3Output: { S3Uri: 's3://Example_Monitoring/more', LocalPath: /opt/ml/processing/input/endpoint }
      JobResources:
        ClusterConfig:
          InstanceCount: !Ref InstanceCount
          InstanceType: !Ref InstanceType
          VolumeSizeInGB: !Ref VolumeSize
          VolumeKmsKeyId: !Ref VolumeKey
      NetworkConfig: !If
        - IsProd
        - EnableNetworkIsolation: !Ref Isolation
          EnableInterContainerTrafficEncryption: !If [IsProd, !Ref AWS::NoValue, false]
          VpcConfig:
            SecurityGroupIds: [sg-0123abcd]
            Subnets: !Ref Subnets
        - !Ref AWS::NoValue
      RoleArn: !Ref RoleArn
      StoppingCondition: { MaxRuntimeInSeconds: !Ref MaxRuntime }
      Tags:
        - { Key: !Ref TagKey, Value: churn }
        - !If [IsProd, { Key: env, Value: prod }, !Ref AWS::NoValue]
  EndpointSchedule:
    Type: AWS::SageMaker::MonitoringSchedule
    Properties:
      MonitoringScheduleName: churn-bias-schedule
      MonitoringScheduleConfig:
        MonitoringJobDefinitionName: !Ref Name
        MonitoringType: ModelBias
        ScheduleConfig: { ScheduleExpression: !Ref Schedule }
  BatchJob:
    Type: AWS::SageMaker::ModelBiasJobDefinition
    Properties: !If
      - IsProd
      - ModelBiasJobInput:
          BatchTransformInput:
            DataCapturedDestinationS3Uri: s3://example-monitoring/capture
            LocalPath: /opt/ml/processing/input/batch
            DatasetFormat: !If [IsCsv, { Csv: { Header: true } }, !If [IsBoth, { Csv: {}, Json: {} }, {}]]
        RoleArn: !Ref RoleArn
      - ModelBiasJobInput:
          BatchTransformInput:
            DataCapturedDestinationS3Uri: s3://example-monitoring/capture
            LocalPath: /opt/ml/processing/input/batch
            DatasetFormat: { Parquet: !If [IsCsv, true, false] }
        RoleArn: !Ref RoleArn
        Tags: [{ Key: !Ref TagKey, Value: batch }]
`;
