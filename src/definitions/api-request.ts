import type { ParsedDocument } from '../loaders/source-document.js';
import { isRecord } from '../values.js';
import type { Definition, DefinitionSchema } from './definition.js';
import { isTemplate } from './template.js';

let schema: Promise<DefinitionSchema> | undefined;

/** The request's model and validator, loaded the first time a request is found (templates do not need them). */
export function apiRequestSchema(): Promise<DefinitionSchema> {
  schema ??= Promise.all([import('../generated/api-request-model.js'), import('../generated/api-request-validator.js')]).then(
    ([{ apiRequestModel }, { validateApiRequest }]) => ({ model: apiRequestModel, validate: validateApiRequest }),
  );
  return schema;
}

/**
 * A `CreateModelBiasJobDefinition` request body is recognised by a top-level member that only a model bias
 * request has (`ModelBiasAppSpecification`, `ModelBiasJobInput`, …, compared without case so that a misspelt
 * one still counts), so a body missing several required members is still linted. Other SageMaker requests
 * (data quality, processing jobs) share `JobResources`, `RoleArn` and the rest, and are left alone.
 */
export async function findApiRequest(document: ParsedDocument): Promise<Definition | undefined> {
  const { value } = document;
  if (!isRecord(value) || isTemplate(value)) return undefined;
  if (!Object.keys(value).some((key) => key.toLowerCase().startsWith('modelbias'))) return undefined;
  return {
    kind: 'api-request',
    document,
    pointer: '',
    schema: await apiRequestSchema(),
    label: 'The request',
    variants: [{ value, origins: new Map(), unknowns: new Set(), differsAt: [] }],
    // Every definition has every member, in one order: the engine, which reads them all, then sees one shape of object.
    template: undefined,
    cdk: undefined,
  };
}
