import { apiRequestModel } from '../generated/api-request-model.js';
import { validateApiRequest } from '../generated/api-request-validator.js';
import type { ParsedDocument } from '../loaders/source-document.js';
import { isRecord } from '../values.js';
import type { Definition, DefinitionSchema } from './definition.js';
import { isTemplate } from './template.js';

export const apiRequestSchema: DefinitionSchema = { model: apiRequestModel, validate: validateApiRequest };

/**
 * A `CreateModelBiasJobDefinition` request body is recognised by a top-level member that only a model bias
 * request has (`ModelBiasAppSpecification`, `ModelBiasJobInput`, …, compared without case so that a misspelt
 * one still counts), so a body missing several required members is still linted. Other SageMaker requests
 * (data quality, processing jobs) share `JobResources`, `RoleArn` and the rest, and are left alone.
 */
export function findApiRequest(document: ParsedDocument): Definition | undefined {
  const { value } = document;
  if (!isRecord(value) || isTemplate(value)) return undefined;
  if (!Object.keys(value).some((key) => key.toLowerCase().startsWith('modelbias'))) return undefined;
  return {
    kind: 'api-request',
    document,
    pointer: '',
    schema: apiRequestSchema,
    label: 'The request',
    variants: [{ value, origins: new Map(), unknowns: new Set() }],
  };
}
