/**
 * Synthesizes the CDK cloud-assembly fixtures under `fixtures/cdk/<app>/cdk.out/`
 * with the real aws-cdk-lib (L1 constructs only; fully offline: no lookups, no
 * account/region resolution, no AWS calls).
 *
 *   npx tsx scripts/synth-cdk-fixtures.ts            # writes fixtures/cdk/*
 *   npx tsx scripts/synth-cdk-fixtures.ts <outRoot>  # writes <outRoot>/*
 *
 * `test/cdk-fixtures.test.ts` re-synthesizes into a temp dir and compares bytes,
 * so the output must be deterministic (see APP_OPTIONS below).
 *
 * The hand-written assemblies in `fixtures/cdk/broken/` are NOT produced here.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  App,
  DefaultStackSynthesizer,
  NestedStack,
  Stack,
  Stage,
  aws_iam as iam,
  aws_kms as kms,
  aws_sagemaker as sagemaker,
  type AppProps,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** Names of the synthesized apps (directories under the output root). */
export const CDK_FIXTURE_APPS = ['single-stack', 'nested-stack', 'stage'] as const;

const IMAGE_URI = '205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0';

/**
 * App options chosen for byte-stable output:
 * - `analyticsReporting: false`  → no `CDKMetadata` resource / region conditions
 * - `stackTraces: false` + context `aws:cdk:disable-creation-stack-traces` (and
 *   CDK_DEBUG unset) → no `aws:cdk:creationStack` traces (absolute paths) in
 *   `<stack>.metadata.json`
 * - `performanceReporting: false`, `autoSynth: false`
 * - `builtinCloudFormationValidation: false` → the bad definitions are intentional;
 *   no validation report is written into the assembly
 * - `context` mimics what the CDK CLI passes by default: path metadata
 *   (`Metadata["aws:cdk:path"]`) and asset metadata (`aws:asset:path` on the
 *   nested-stack resource) enabled, version reporting off.
 * - `DefaultStackSynthesizer({ generateBootstrapVersionRule: false })` → no
 *   `BootstrapVersion` parameter/rule; asset hashes depend only on template content.
 * Environment variables that the App would otherwise read (CDK_CONTEXT_JSON,
 * CDK_OUTDIR, CDK_VALIDATION, …) are neutralised in `withCleanCdkEnv`.
 */
function appOptions(outdir: string): AppProps {
  return {
    outdir,
    analyticsReporting: false,
    stackTraces: false,
    performanceReporting: false,
    autoSynth: false,
    treeMetadata: true,
    builtinCloudFormationValidation: false,
    context: {
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:version-reporting': false,
      'aws:cdk:disable-stack-trace': true,
      'aws:cdk:disable-creation-stack-traces': true,
    },
    defaultStackSynthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  };
}

function monitoringRole(scope: Construct): iam.Role {
  return new iam.Role(scope, 'MonitoringRole', {
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
  });
}

/** Complete and valid per the reference (CFN shape). */
function goodBiasDefinition(scope: Construct, role: iam.IRole, key: kms.IKey): sagemaker.CfnModelBiasJobDefinition {
  return new sagemaker.CfnModelBiasJobDefinition(scope, 'GoodBiasJobDefinition', {
    jobDefinitionName: 'good-bias-job',
    jobResources: {
      clusterConfig: {
        instanceCount: 1,
        instanceType: 'ml.m5.xlarge',
        volumeSizeInGb: 30,
        volumeKmsKeyId: key.keyArn,
      },
    },
    modelBiasAppSpecification: {
      imageUri: IMAGE_URI,
      configUri: 's3://sagelint-fixtures/bias/analysis_config.json',
      environment: { LOG_LEVEL: 'INFO' },
    },
    modelBiasBaselineConfig: {
      constraintsResource: { s3Uri: 's3://sagelint-fixtures/bias/baseline/constraints.json' },
    },
    modelBiasJobInput: {
      endpointInput: {
        endpointName: 'my-endpoint',
        localPath: '/opt/ml/processing/input/endpoint',
        s3InputMode: 'File',
        s3DataDistributionType: 'FullyReplicated',
        startTimeOffset: '-PT1H',
        endTimeOffset: '-PT0H',
      },
      groundTruthS3Input: { s3Uri: 's3://sagelint-fixtures/bias/ground-truth' },
    },
    modelBiasJobOutputConfig: {
      kmsKeyId: key.keyArn,
      monitoringOutputs: [
        {
          s3Output: {
            s3Uri: 's3://sagelint-fixtures/bias/reports',
            localPath: '/opt/ml/processing/output',
            s3UploadMode: 'EndOfJob',
          },
        },
      ],
    },
    networkConfig: {
      enableNetworkIsolation: true,
      enableInterContainerTrafficEncryption: true,
      vpcConfig: { securityGroupIds: ['sg-0123456789abcdef0'], subnets: ['subnet-0123456789abcdef0'] },
    },
    roleArn: role.roleArn,
    stoppingCondition: { maxRuntimeInSeconds: 1800 },
    tags: [
      { key: 'team', value: 'ml-platform' },
      { key: 'purpose', value: 'bias-monitoring' },
    ],
  });
}

/** Invalid: bad name, upper-case instance type, count 0, volume too large, bad S3InputMode. */
function badBiasDefinition(scope: Construct, id: string, roleArn: string): sagemaker.CfnModelBiasJobDefinition {
  return new sagemaker.CfnModelBiasJobDefinition(scope, id, {
    jobDefinitionName: 'bad_name',
    jobResources: {
      clusterConfig: {
        instanceCount: 0,
        instanceType: 'ML.M5.XLARGE',
        volumeSizeInGb: 20000,
      },
    },
    modelBiasAppSpecification: {
      imageUri: IMAGE_URI,
      configUri: 's3://sagelint-fixtures/bias/analysis_config.json',
    },
    modelBiasJobInput: {
      endpointInput: {
        endpointName: 'my-endpoint',
        localPath: '/opt/ml/processing/input/endpoint',
        s3InputMode: 'FastFile',
      },
      groundTruthS3Input: { s3Uri: 's3://sagelint-fixtures/bias/ground-truth' },
    },
    modelBiasJobOutputConfig: {
      monitoringOutputs: [
        {
          s3Output: {
            s3Uri: 's3://sagelint-fixtures/bias/reports',
            localPath: '/opt/ml/processing/output',
          },
        },
      ],
    },
    roleArn,
  });
}

function synthSingleStack(outdir: string): void {
  const app = new App(appOptions(outdir));
  const stack = new Stack(app, 'BiasStack');
  const role = monitoringRole(stack);
  const key = new kms.Key(stack, 'MonitoringKey', { enableKeyRotation: true });
  const good = goodBiasDefinition(stack, role, key);
  badBiasDefinition(stack, 'BadBiasJobDefinition', role.roleArn);
  const schedule = new sagemaker.CfnMonitoringSchedule(stack, 'BiasMonitoringSchedule', {
    monitoringScheduleName: 'good-bias-schedule',
    monitoringScheduleConfig: {
      monitoringJobDefinitionName: 'good-bias-job',
      monitoringType: 'ModelBias',
      scheduleConfig: { scheduleExpression: 'cron(0 * ? * * *)' },
    },
    endpointName: 'my-endpoint',
  });
  // the schedule can only reference the definition by (literal) name; make the ordering explicit
  schedule.node.addDependency(good);
  app.synth();
}

class BiasNestedStack extends NestedStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    badBiasDefinition(this, 'NestedBadBiasJobDefinition', 'arn:aws:iam::123456789012:role/bias-monitoring');
  }
}

function synthNestedStack(outdir: string): void {
  const app = new App(appOptions(outdir));
  const parent = new Stack(app, 'ParentStack');
  new BiasNestedStack(parent, 'BiasNested');
  app.synth();
}

function synthStage(outdir: string): void {
  const app = new App(appOptions(outdir));
  const prod = new Stage(app, 'Prod');
  const stack = new Stack(prod, 'BiasStack');
  const role = monitoringRole(stack);
  badBiasDefinition(stack, 'StageBadBiasJobDefinition', role.roleArn);
  app.synth();
}

const CDK_ENV_VARS = [
  'CDK_CONTEXT_JSON',
  'CONTEXT_OVERFLOW_LOCATION_ENV',
  'CDK_OUTDIR',
  'CDK_VALIDATION',
  'CDK_DEBUG',
  'CDK_DISABLE_STACK_TRACE',
  'CDK_DEFAULT_ACCOUNT',
  'CDK_DEFAULT_REGION',
  'CDK_CLI_ASM_VERSION',
  'CDK_CLI_VERSION',
  'CDK_PERF_COUNTERS_FILE',
];

function withCleanCdkEnv<T>(fn: () => T): T {
  const saved = new Map<string, string | undefined>();
  for (const name of CDK_ENV_VARS) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
  try {
    return fn();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Synthesizes every app into `<outRoot>/<app>/cdk.out/` (replacing previous output). */
export function synthCdkFixtures(outRoot: string): void {
  const builders: Record<(typeof CDK_FIXTURE_APPS)[number], (outdir: string) => void> = {
    'single-stack': synthSingleStack,
    'nested-stack': synthNestedStack,
    stage: synthStage,
  };
  withCleanCdkEnv(() => {
    for (const name of CDK_FIXTURE_APPS) {
      const outdir = path.join(outRoot, name, 'cdk.out');
      rmSync(outdir, { recursive: true, force: true });
      mkdirSync(outdir, { recursive: true });
      builders[name](outdir);
    }
  });
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outRoot = path.resolve(process.argv[2] ?? path.join(repoRoot, 'fixtures', 'cdk'));
  synthCdkFixtures(outRoot);
  console.log(`synthesized ${CDK_FIXTURE_APPS.join(', ')} into ${path.relative(process.cwd(), outRoot) || '.'}`);
}
