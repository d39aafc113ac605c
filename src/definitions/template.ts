import { formatPointer, setMember, type ParsedDocument } from '../loaders/source-document.js';
import type { ServiceModel, ValueShape } from '../model/shapes.js';
import { isRecord } from '../values.js';
import type { CdkContext, Definition, DefinitionSchema } from './definition.js';
import { resolveVariants, UNKNOWN, type Origin, type ResolveOptions, type Variant } from './intrinsics.js';

export const BIAS_RESOURCE_TYPE = 'AWS::SageMaker::ModelBiasJobDefinition';

let schema: Promise<DefinitionSchema> | undefined;

/** The resource's model and validator, loaded the first time a template is found (request files do not need them). */
export function cfnResourceSchema(): Promise<DefinitionSchema> {
  schema ??= Promise.all([import('../generated/cfn-resource-model.js'), import('../generated/cfn-resource-validator.js')]).then(
    ([{ cfnResourceModel }, { validateCfnResource }]) => ({ model: cfnResourceModel, validate: validateCfnResource }),
  );
  return schema;
}

/** A CloudFormation template: `AWSTemplateFormatVersion`, or a `Resources` map whose entries all have a `Type`. */
export function isTemplate(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  if ('AWSTemplateFormatVersion' in value) return true;
  const { Resources: resources } = value;
  if (!isRecord(resources)) return false;
  const entries = Object.values(resources);
  return entries.length > 0 && entries.every((resource) => isRecord(resource) && typeof resource.Type === 'string');
}

export interface TemplateOptions extends ResolveOptions {
  /** The CDK stack the template was synthesized for, when the cloud assembly's manifest says. */
  cdkStack?: string;
}

/** Every `AWS::SageMaker::ModelBiasJobDefinition` resource of a template, each with its deployable variants. */
export async function findTemplateDefinitions(document: ParsedDocument, options: TemplateOptions = {}): Promise<Definition[]> {
  const template = document.value;
  if (!isTemplate(template) || !isRecord(template.Resources)) return [];
  const resourceSchema = await cfnResourceSchema();
  const definitions: Definition[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (!isRecord(resource) || resource.Type !== BIAS_RESOURCE_TYPE) continue;
    const pointer = `/Resources${formatPointer([logicalId])}`;
    const variants = resolveVariants(resource, pointer, template, options).map((variant) => ({
      ...variant,
      value: coerceScalars(resourceSchema.model, variant.value),
    }));
    const cdk = cdkContext(resource, options.cdkStack);
    definitions.push({
      kind: 'cfn-resource',
      document,
      pointer,
      schema: resourceSchema,
      label: `Resource ${logicalId}`,
      variants: dedupeVariants(variants),
      template: { value: template, logicalId },
      cdk,
    });
  }
  return definitions;
}

function cdkContext(resource: Record<string, unknown>, stack: string | undefined): CdkContext | undefined {
  const metadata = resource.Metadata;
  const constructPath = isRecord(metadata) ? metadata['aws:cdk:path'] : undefined;
  if (typeof constructPath !== 'string') return undefined;
  // A template linted on its own says its construct path but not its stack: a stage or a nested stack would make
  // a guess from the path wrong.
  return { constructPath, ...(stack !== undefined && { stack }) };
}

/**
 * CloudFormation hands resource providers strings for booleans and numbers as readily as the typed values:
 * `"false"` is false, `"30"` is 30. Judge such a value as what it becomes. Objects and lists are copied only where
 * something in them changes: variants share what holds no intrinsic function with the template itself.
 */
function coerceScalars(model: ServiceModel, value: unknown): unknown {
  const visit = (current: unknown, shape: ValueShape | undefined): unknown => {
    if (shape === undefined || current === UNKNOWN) return current;
    if (typeof current === 'string') {
      if (shape.type === 'boolean' && /^(true|false)$/i.test(current)) return current.toLowerCase() === 'true';
      if ((shape.type === 'integer' || shape.type === 'number') && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(current)) {
        return Number(current);
      }
      return current;
    }
    if (shape.type === 'list') {
      if (!Array.isArray(current)) return current;
      let copy: unknown[] | undefined;
      current.forEach((item, index) => {
        const coerced = visit(item, shape.items);
        if (coerced === item) return;
        copy ??= [...current];
        copy[index] = coerced;
      });
      return copy ?? current;
    }
    if ((shape.type !== 'structure' && shape.type !== 'map') || !isRecord(current)) return current;
    const members = shape.type === 'structure' ? (model.structures[shape.name]?.members ?? {}) : undefined;
    const mapValues = shape.type === 'map' ? shape.values : undefined;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(current)) {
      const member = current[key];
      const coerced = visit(member, members === undefined ? mapValues : members[key]);
      if (coerced === member) continue;
      copy ??= copyRecord(current);
      setMember(copy, key, coerced);
    }
    return copy ?? current;
  };
  return visit(value, { type: 'structure', name: model.root });
}

function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) setMember(copy, key, record[key]);
  return copy;
}

/** Variants that resolved to the same value, from the same places, are judged once. */
function dedupeVariants(variants: Variant[]): Variant[] {
  if (variants.length < 2) return variants;
  // Values are long, and variants mostly differ in where their values come from: a value is written out to be
  // compared only with a variant of the same origins.
  const kept: { variant: Variant; valueText?: string }[] = [];
  for (const variant of variants) {
    let valueText: string | undefined;
    const duplicate = kept.some((other) => {
      if (!sameOrigins(other.variant.origins, variant.origins)) return false;
      other.valueText ??= JSON.stringify(other.variant.value);
      valueText ??= JSON.stringify(variant.value);
      return other.valueText === valueText;
    });
    if (!duplicate) kept.push({ variant, ...(valueText !== undefined && { valueText }) });
  }
  return kept.map(({ variant }) => variant);
}

function sameOrigins(a: ReadonlyMap<string, Origin>, b: ReadonlyMap<string, Origin>): boolean {
  if (a.size !== b.size) return false;
  const others = b.entries();
  for (const [pointer, origin] of a) {
    const other = others.next().value;
    if (other === undefined || other[0] !== pointer || other[1].pointer !== origin.pointer || other[1].via !== origin.via) return false;
  }
  return true;
}
