#!/usr/bin/env node
/**
 * Writes the benchmark tree: a monorepo of `files` files, half JSON and half YAML, the same bytes for the same count
 * on every run (a fixed seed). Run alone to time other tools on it:
 *
 *   node scripts/bench/generate-tree.mjs <dir> [--files 10000]
 *
 *   services/<name>/monitoring/   create-model-bias-job-definition requests, JSON and YAML, clean or with defects
 *   services/<name>/infra/        CloudFormation templates (JSON, YAML with short-form tags, `.template`)
 *   services/<name>/…             package.json, tsconfig.json (with comments), i18n JSON, docker-compose, Kubernetes,
 *                                 application settings (config/*.yaml): files that hold no definition
 *   legacy/monitoring/            older requests, which the configuration's `overrides` treat differently
 *   cdk/cdk.out/                  a cloud assembly: 100 stacks (per 10,000 files), nested stacks, a stage
 *   .github/workflows/, node_modules/, sagelint.config.yaml, package.json, tsconfig.base.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addDefects,
  cdkStackTemplate,
  cloudFormationTemplate,
  definitionSubject,
  dockerCompose,
  githubWorkflow,
  i18nMessages,
  kubernetesManifests,
  MODELS,
  packageJson,
  pascal,
  requestBody,
  TEAMS,
  tsconfigText,
} from './documents.mjs';
import { createRandom } from './random.mjs';
import { writeJson, writeYaml } from './serialize.mjs';

export const DEFAULT_FILE_COUNT = 10_000;
const SEED = 0x5a6e11;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'ja', 'ko', 'nl', 'pt-BR', 'sv', 'zh-CN'];
const NAMESPACES = ['common', 'dashboard', 'alerts', 'settings', 'reports', 'errors'];
// Templates of a few KB (a definition and its schedule; or with its bucket, key and role) to tens of KB (stacks that
// hold tens of other resources too).
const TEMPLATE_SIZES = { minimal: 0.4, standard: 0.4, large: 0.2 };
const EXTRA_RESOURCES = { minimal: [0, 0], standard: [0, 3], large: [8, 30] };

/**
 * Writes the tree under `root` (which should be empty) and describes it: how many files of each kind, JSON and YAML,
 * bytes, and how many stacks the cloud assembly has.
 */
export function generateTree(root, { files = DEFAULT_FILE_COUNT } = {}) {
  const rng = createRandom(SEED);
  const tree = new TreeWriter(root, rng);
  const cdkStacks = Math.max(3, Math.round((100 * files) / DEFAULT_FILE_COUNT));
  writeCloudAssembly(tree, rng, join('cdk', 'cdk.out'), cdkStacks);

  const requests = Math.round(files * 0.36);
  const templates = Math.round(files * 0.22);
  const services = Array.from({ length: Math.max(2, Math.ceil(files / 45)) }, (_, index) => `${rng.pick(TEAMS)}-${rng.pick(MODELS)}-${index}`);
  tree.write('sagelint.config.yaml', CONFIG, 'config');
  tree.write('package.json', writeJson({ name: 'acme-ml', private: true, workspaces: ['services/*'] }), 'unrelated');
  tree.write('tsconfig.base.json', writeJson({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true } }), 'unrelated');
  for (let index = 0; index < Math.max(2, Math.round(files / 500)); index += 1) {
    const name = `${['lint', 'deploy', 'nightly', 'release'][index % 4]}-${index}`;
    tree.write(join('.github', 'workflows', `${name}.yml`), writeYaml(githubWorkflow(rng, name)), 'unrelated');
  }
  for (let index = 0; index < Math.max(2, Math.round(files / 500)); index += 1) {
    // Never linted: a walk skips node_modules.
    tree.write(join('node_modules', `dep-${index}`, 'package.json'), writeJson(packageJson(rng, `dep-${index}`)), 'skipped');
  }

  for (let index = 0; index < requests; index += 1) {
    const folder = rng.chance(0.1) ? join('legacy', 'monitoring') : join('services', rng.pick(services), 'monitoring');
    writeRequest(tree, rng, folder, index);
  }
  for (let index = 0; index < templates; index += 1) {
    writeTemplate(tree, rng, join('services', rng.pick(services), 'infra'), index);
  }
  // The rest: files that hold no definition, topping JSON and YAML up to half each.
  const jsonWanted = Math.max(0, Math.round(files / 2) - tree.counts.json);
  // Each service gets its n-th file of a kind before any gets its (n + 1)-th.
  const serviceAndSlot = (index) => [services[index % services.length], Math.floor(index / services.length)];
  for (let index = 0; index < jsonWanted; index += 1) writeUnrelatedJson(tree, rng, ...serviceAndSlot(index));
  const yamlWanted = Math.max(0, files - tree.counts.files);
  for (let index = 0; index < yamlWanted; index += 1) writeUnrelatedYaml(tree, rng, ...serviceAndSlot(index));
  return { ...tree.counts, cdkStacks };
}

const CONFIG = writeYaml(
  {
    rules: { 'require-tag-keys': ['warning', { keys: ['team'] }], 'no-gpu-instance-type': 'error' },
    overrides: [{ files: ['legacy/**'], rules: { 'require-network-isolation': 'warning', 'require-vpc-config': 'off' } }],
    ignores: ['**/generated/**'],
  },
  ['Platform-wide sagelint settings; services may not override them.'],
);

class TreeWriter {
  counts = { files: 0, json: 0, yaml: 0, bytes: 0, requests: 0, templates: 0, cdk: 0, unrelated: 0, config: 0, skipped: 0, syntaxErrors: 0 };
  #directories = new Set();

  constructor(root, rng) {
    this.root = root;
    this.rng = rng;
  }

  /** Writes a file; some get Windows line ends or a byte order mark, as files from editors on Windows do. */
  write(relativePath, text, kind) {
    const path = join(this.root, relativePath);
    const directory = dirname(path);
    if (!this.#directories.has(directory)) {
      mkdirSync(directory, { recursive: true });
      this.#directories.add(directory);
    }
    let content = text;
    if (kind !== 'cdk' && this.rng.chance(0.03)) content = content.replaceAll('\n', '\r\n');
    if (kind !== 'cdk' && this.rng.chance(0.01)) content = `\uFEFF${content}`;
    writeFileSync(path, content);
    this.counts.files += 1;
    this.counts.bytes += Buffer.byteLength(content);
    this.counts[kind] += 1;
    if (/\.json$/.test(relativePath) || (/\.template$/.test(relativePath) && text.startsWith('{'))) this.counts.json += 1;
    else if (/\.(ya?ml|template)$/.test(relativePath)) this.counts.yaml += 1;
  }
}

function writeRequest(tree, rng, folder, index) {
  const subject = definitionSubject(rng);
  const body = requestBody(rng, subject);
  const defects = rng.chance(0.45) ? addDefects(rng, body) : [];
  const name = `${subject.model}-bias-${index}`;
  if (rng.chance(0.5)) {
    let text = writeJson(body, rng.chance(0.8) ? 2 : 4);
    // A trailing comma: the AWS CLI rejects the file, so sagelint reports a syntax error.
    if (rng.chance(0.005)) {
      text = text.replace(/\n\}\n$/, ',\n}\n');
      tree.counts.syntaxErrors += 1;
    }
    tree.write(join(folder, `${name}.json`), text, 'requests');
    return;
  }
  const header = [`Bias monitor for the ${subject.model} model, owned by ${subject.team}.`];
  if (rng.chance(0.1)) header.push('sagelint-disable require-vpc-config -- the endpoint runs outside a VPC until the migration');
  // A stream of several requests, one per environment.
  const documents = [body, ...(rng.chance(0.05) ? [requestBody(rng, { ...subject, region: 'eu-west-1' })] : [])];
  let text = documents.map((document, at) => (at === 0 ? writeYaml(document, header) : `---\n${writeYaml(document)}`)).join('');
  if (defects.length === 0 && rng.chance(0.005)) {
    text += 'Tags: [unclosed\n';
    tree.counts.syntaxErrors += 1;
  }
  tree.write(join(folder, `${name}.${rng.chance(0.8) ? 'yaml' : 'yml'}`), text, 'requests');
}

function writeTemplate(tree, rng, folder, index) {
  const subject = definitionSubject(rng);
  const size = rng.weighted(TEMPLATE_SIZES);
  const ownResources = size !== 'minimal';
  const template = cloudFormationTemplate(rng, {
    subject,
    // Some stacks hold no bias definition at all: they are linted and give no finding.
    biasJobs: Number(rng.weighted(ownResources ? { 0: 0.25, 1: 0.5, 2: 0.2, 3: 0.05 } : { 1: 0.85, 2: 0.15 })),
    ownResources,
    extraResources: rng.int(...EXTRA_RESOURCES[size]),
    defective: rng.chance(0.35),
  });
  const name = `${subject.model}-monitoring-${index}`;
  const asJson = rng.chance(0.5);
  const text = asJson ? writeJson(template) : writeYaml(template, [`${subject.team}: ${subject.model} bias monitoring stack.`]);
  const extension = rng.chance(0.05) ? 'template' : asJson ? 'json' : rng.pick(['yaml', 'yaml', 'yml']);
  tree.write(join(folder, `${name}.${extension}`), text, 'templates');
}

/**
 * A cloud assembly as `cdk synth` writes it (fixtures/cdk): a manifest whose `aws:cloudformation:stack` artifacts
 * name `<Stack>.template.json`, every tenth stack with a nested stack, and a stage (`assembly-Prod`, a
 * `cdk:cloud-assembly` artifact) holding a tenth of the stacks. Besides the templates: `*.assets.json`,
 * `*.metadata.json`, `tree.json` and `cdk.out`, which sagelint does not lint.
 */
function writeCloudAssembly(tree, rng, directory, stackCount) {
  const stageStacks = Math.max(1, Math.round(stackCount / 10));
  const fixture = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'cdk', 'single-stack', 'cdk.out', 'manifest.json'), 'utf8'));
  const featureFlags = fixture.artifacts['aws-cdk-lib/feature-flag-report'];
  const version = { version: fixture.version };
  const treeNodes = {};

  const writeStacks = (assemblyDirectory, stacks, stage) => {
    const artifacts = {};
    for (const { id, displayName, nested } of stacks) {
      const subject = definitionSubject(rng);
      const nestedStack = nested
        ? {
            logicalId: `${pascal(subject.model)}NestedNestedStackResource${rng.hex(8).toUpperCase()}`,
            constructPath: `${displayName}/${pascal(subject.model)}Nested.NestedStack/${pascal(subject.model)}Nested.NestedStackResource`,
            templateFile: `${id}${pascal(subject.model)}Nested${rng.hex(8).toUpperCase()}.nested.template.json`,
          }
        : undefined;
      const stackTemplate = (stackPath, nestedTemplate) =>
        cdkStackTemplate(rng, {
          stackPath,
          subject,
          biasJobs: Number(rng.weighted({ 0: 0.2, 1: 0.6, 2: 0.2 })),
          extraResources: rng.int(...EXTRA_RESOURCES[rng.weighted(TEMPLATE_SIZES)]),
          defective: rng.chance(0.3),
          nested: nestedTemplate,
        });
      tree.write(join(assemblyDirectory, `${id}.template.json`), writeJson(stackTemplate(displayName, nestedStack), 1), 'cdk');
      if (nestedStack !== undefined) {
        const nestedPath = `${displayName}/${pascal(subject.model)}Nested`;
        tree.write(join(assemblyDirectory, nestedStack.templateFile), writeJson(stackTemplate(nestedPath), 1), 'cdk');
      }
      tree.write(join(assemblyDirectory, `${id}.assets.json`), writeJson(assetManifest(rng, id), 1), 'cdk');
      const metadata = { [`/${displayName}`]: [{ type: 'aws:cdk:logicalId', data: id }] };
      tree.write(join(assemblyDirectory, `${id}.metadata.json`), writeJson(metadata, 1), 'cdk');
      artifacts[`${id}.assets`] = {
        type: 'cdk:asset-manifest',
        properties: {
          file: `${id}.assets.json`,
          requiresBootstrapStackVersion: 6,
          bootstrapStackVersionSsmParameter: '/cdk-bootstrap/hnb659fds/version',
        },
      };
      artifacts[id] = {
        type: 'aws:cloudformation:stack',
        environment: 'aws://unknown-account/unknown-region',
        properties: {
          templateFile: `${id}.template.json`,
          terminationProtection: false,
          validateOnSynth: false,
          assumeRoleArn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-deploy-role-${AWS::AccountId}-${AWS::Region}',
          stackTemplateAssetObjectUrl: `s3://cdk-hnb659fds-assets-\${AWS::AccountId}-\${AWS::Region}/${rng.hex(64)}.json`,
          requiresBootstrapStackVersion: 6,
          bootstrapStackVersionSsmParameter: '/cdk-bootstrap/hnb659fds/version',
          additionalDependencies: [`${id}.assets`],
          ...(stage !== undefined && { stackName: displayName.replace('/', '-') }),
        },
        dependencies: [`${id}.assets`],
        additionalMetadataFile: `${id}.metadata.json`,
        displayName,
      };
      treeNodes[displayName] = {
        id: displayName.split('/').at(-1),
        path: displayName,
        constructInfo: { fqn: 'aws-cdk-lib.Stack', version: '2.276.0' },
      };
    }
    return artifacts;
  };

  const stacks = Array.from({ length: stackCount - stageStacks }, (_, index) => {
    const id = `${pascal(rng.pick(MODELS))}Monitoring${index}Stack`;
    return { id, displayName: id, nested: index % 10 === 0 };
  });
  const stageArtifacts = writeStacks(
    join(directory, 'assembly-Prod'),
    Array.from({ length: stageStacks }, (_, index) => {
      const name = `${pascal(rng.pick(MODELS))}Bias${index}Stack`;
      return { id: `Prod${name}${rng.hex(8).toUpperCase()}`, displayName: `Prod/${name}`, nested: false };
    }),
    'Prod',
  );
  const stageManifest = { ...version, artifacts: { ...stageArtifacts, 'aws-cdk-lib/feature-flag-report': featureFlags } };
  tree.write(join(directory, 'assembly-Prod', 'manifest.json'), writeJson(stageManifest, 1), 'cdk');
  tree.write(join(directory, 'assembly-Prod', 'cdk.out'), JSON.stringify(version), 'cdk');
  const artifacts = writeStacks(directory, stacks);
  artifacts['assembly-Prod'] = { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod', displayName: 'Prod' } };
  artifacts.Tree = { type: 'cdk:tree', properties: { file: 'tree.json' } };
  artifacts['aws-cdk-lib/feature-flag-report'] = featureFlags;
  tree.write(join(directory, 'manifest.json'), writeJson({ ...version, artifacts, minimumCliVersion: fixture.minimumCliVersion }, 1), 'cdk');
  tree.write(join(directory, 'tree.json'), writeJson({ version: 'tree-0.1', tree: { id: 'App', path: '', children: treeNodes } }, 1), 'cdk');
  tree.write(join(directory, 'cdk.out'), JSON.stringify(version), 'cdk');
}

function assetManifest(rng, id) {
  const hash = rng.hex(64);
  return {
    version: '55.0.0',
    files: {
      [hash]: {
        displayName: `${id} Template`,
        source: { path: `${id}.template.json`, packaging: 'file' },
        destinations: {
          'current_account-current_region': {
            bucketName: 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}',
            objectKey: `${hash}.json`,
            assumeRoleArn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-${AWS::Region}',
          },
        },
      },
    },
    dockerImages: {},
  };
}

function writeUnrelatedJson(tree, rng, service, slot) {
  const folder = join('services', service);
  if (slot === 0) tree.write(join(folder, 'package.json'), writeJson(packageJson(rng, service)), 'unrelated');
  else if (slot === 1) tree.write(join(folder, 'tsconfig.json'), tsconfigText(rng), 'unrelated');
  else {
    const at = slot - 2;
    const locale = LOCALES[at % LOCALES.length];
    const round = Math.floor(at / (LOCALES.length * NAMESPACES.length));
    const namespace = `${NAMESPACES[Math.floor(at / LOCALES.length) % NAMESPACES.length]}${round || ''}`;
    tree.write(join(folder, 'locales', locale, `${namespace}.json`), writeJson(i18nMessages(rng, locale)), 'unrelated');
  }
}

function writeUnrelatedYaml(tree, rng, service, slot) {
  const folder = join('services', service);
  if (slot === 0) tree.write(join(folder, 'docker-compose.yml'), writeYaml(dockerCompose(rng, service)), 'unrelated');
  else if (slot === 1) {
    const stream = kubernetesManifests(rng, service).map((document) => writeYaml(document)).join('---\n');
    tree.write(join(folder, 'k8s', 'deployment.yaml'), stream, 'unrelated');
  }
  else {
    const environment = `${['dev', 'staging', 'prod', 'perf', 'eu', 'us'][slot % 6]}${Math.floor(slot / 6)}`;
    tree.write(join(folder, 'config', `${environment}.yaml`), writeYaml(appConfig(rng, service, environment)), 'unrelated');
  }
}

/** An application's settings for one environment, as services keep them in YAML. */
function appConfig(rng, service, environment) {
  return {
    service,
    environment,
    server: { port: rng.int(3000, 9000), timeoutSeconds: rng.pick([5, 10, 30]), cors: { origins: [`https://${service}.example.com`] } },
    model: { endpoint: `${service}-endpoint`, batchSize: rng.pick([16, 32, 64]), threshold: rng.pick([0.5, 0.7]) },
    features: Object.fromEntries(Array.from({ length: rng.int(3, 12) }, (_, index) => [`flag_${index}`, rng.chance(0.5)])),
    logging: { level: rng.pick(['info', 'debug', 'warn']), format: 'json' },
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [directory, flag, value] = process.argv.slice(2);
  const files = flag === undefined ? DEFAULT_FILE_COUNT : Number(value);
  if (directory === undefined || (flag !== undefined && flag !== '--files') || !(files > 0)) {
    console.error('usage: node scripts/bench/generate-tree.mjs <dir> [--files N]');
    process.exitCode = 2;
  } else {
    console.log(JSON.stringify(generateTree(resolve(directory), { files })));
  }
}
