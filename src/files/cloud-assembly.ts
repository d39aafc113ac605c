import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, readText } from '../loaders/load.js';
import { formatPointer } from '../loaders/source-document.js';
import { isRecord } from '../values.js';

/** A template a cloud assembly holds, with the stack it was synthesized for. */
export interface AssemblyTemplate {
  filePath: string;
  /** The stack's display name (`BiasStack`, `Prod/BiasStack`, `ParentStack/BiasNested`). */
  stack: string;
}

/** Something wrong with the assembly, at a JSON Pointer into a manifest. */
export interface AssemblyProblem {
  filePath: string;
  pointer: string;
  message: string;
}

export interface CloudAssembly {
  /** The manifests read (stages have their own), linted too so that a broken one is reported. */
  manifests: string[];
  templates: AssemblyTemplate[];
  problems: AssemblyProblem[];
}

/**
 * Reads the CDK cloud assembly in `directory` (`cdk.out`) through its `manifest.json`: stack artifacts, the nested
 * stacks their templates name (`AWS::CloudFormation::Stack` resources with `aws:asset:path` metadata), and stages
 * (nested assemblies, `cdk:cloud-assembly` artifacts). Undefined when the directory holds no readable manifest of
 * an assembly, so the caller walks it like any directory and the manifest's syntax error is reported on its own.
 */
export async function readCloudAssembly(directory: string): Promise<CloudAssembly | undefined> {
  const manifest = await readManifest(join(directory, 'manifest.json'));
  if (manifest === undefined) return undefined;
  const assembly: CloudAssembly = { manifests: [], templates: [], problems: [] };
  await readAssembly(directory, manifest, assembly);
  return assembly;
}

/** Whether a file is the manifest of a cloud assembly (so naming it means linting the assembly). */
export async function isAssemblyManifest(filePath: string): Promise<boolean> {
  return basename(filePath) === 'manifest.json' && (await readManifest(filePath)) !== undefined;
}

async function readManifest(filePath: string): Promise<Record<string, unknown> | undefined> {
  let manifest: unknown;
  try {
    manifest = readJson(filePath);
  } catch {
    // Missing, unreadable or not JSON: not an assembly we can read. A broken manifest is linted as a file.
    return undefined;
  }
  return isRecord(manifest) && typeof manifest.version === 'string' && isRecord(manifest.artifacts) ? manifest : undefined;
}

async function readAssembly(directory: string, manifest: Record<string, unknown>, assembly: CloudAssembly): Promise<void> {
  const manifestPath = join(directory, 'manifest.json');
  assembly.manifests.push(manifestPath);
  for (const [id, artifact] of Object.entries(manifest.artifacts as Record<string, unknown>)) {
    if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
    const { properties } = artifact;
    const at = (key: string): string => formatPointer(['artifacts', id, 'properties', key]);
    if (artifact.type === 'aws:cloudformation:stack' && typeof properties.templateFile === 'string') {
      const stack = typeof artifact.displayName === 'string' ? artifact.displayName : id;
      const templatePath = join(directory, properties.templateFile);
      if (await isFile(templatePath)) {
        await addTemplate(templatePath, stack, assembly);
      } else {
        assembly.problems.push({
          filePath: manifestPath,
          pointer: at('templateFile'),
          message: `The template "${properties.templateFile}" of stack ${stack} does not exist in the cloud assembly.`,
        });
      }
    } else if (artifact.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string') {
      const stageDirectory = join(directory, properties.directoryName);
      const stageManifestPath = join(stageDirectory, 'manifest.json');
      // `.` or `..` names an assembly being read: reading it again would never end.
      if (assembly.manifests.includes(stageManifestPath)) {
        assembly.problems.push({
          filePath: manifestPath,
          pointer: at('directoryName'),
          message: `The nested assembly "${properties.directoryName}" was read already; a stage cannot contain itself.`,
        });
        continue;
      }
      const stageManifest = await readManifest(stageManifestPath);
      if (stageManifest === undefined) {
        assembly.problems.push({
          filePath: manifestPath,
          pointer: at('directoryName'),
          message: `The nested assembly "${properties.directoryName}" has no readable manifest.json.`,
        });
      } else {
        await readAssembly(stageDirectory, stageManifest, assembly);
      }
    }
  }
}

/** Adds a template and, through its `AWS::CloudFormation::Stack` resources, the nested stacks' templates. */
async function addTemplate(templatePath: string, stack: string, assembly: CloudAssembly): Promise<void> {
  if (assembly.templates.some((template) => template.filePath === templatePath)) return;
  assembly.templates.push({ filePath: templatePath, stack });
  let template: unknown;
  try {
    const text = readJsonText(templatePath);
    // Every template is parsed again when it is linted: here, only one that can name a nested stack's type, plainly
    // or through a JSON escape.
    if (!text.includes(NESTED_STACK_TYPE) && !text.includes('\\')) return;
    template = JSON.parse(text);
  } catch {
    return; // linted as a file, which reports the problem
  }
  const resources = isRecord(template) ? template.Resources : undefined;
  if (!isRecord(resources)) return;
  for (const resource of Object.values(resources)) {
    if (!isRecord(resource) || resource.Type !== NESTED_STACK_TYPE || !isRecord(resource.Metadata)) continue;
    const assetPath = resource.Metadata['aws:asset:path'];
    const constructPath = resource.Metadata['aws:cdk:path'];
    if (typeof assetPath !== 'string' || !assetPath.endsWith('.template.json')) continue;
    const nestedPath = join(dirname(templatePath), assetPath);
    // `ParentStack/BiasNested.NestedStack/BiasNested.NestedStackResource` → the nested stack `ParentStack/BiasNested`.
    const nestedStack = typeof constructPath === 'string' ? (constructPath.split('.NestedStack/')[0] ?? constructPath) : stack;
    if (await isFile(nestedPath)) await addTemplate(nestedPath, nestedStack, assembly);
  }
}

const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

/**
 * A manifest's or template's JSON, read only up to the default size limit: CloudFormation deploys no template over
 * 1 MB, and a larger file is not read twice (its own lint reports the limit).
 * @throws when the file cannot be read or is not JSON
 */
function readJson(filePath: string): unknown {
  return JSON.parse(readJsonText(filePath));
}

/** `readJson`'s text. @throws when the file cannot be read */
function readJsonText(filePath: string): string {
  const read = readText(filePath, DEFAULT_MAX_FILE_SIZE);
  if ('problem' in read) throw new Error(read.problem);
  return read.text;
}

async function isFile(filePath: string): Promise<boolean> {
  return (await stat(filePath).catch(() => undefined))?.isFile() === true;
}
