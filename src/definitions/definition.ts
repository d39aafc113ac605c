import type { ErrorObject } from 'ajv';
import type { ParsedDocument } from '../loaders/source-document.js';
import type { ServiceModel } from '../model/shapes.js';
import type { DefinitionKind } from '../types.js';

/** A compiled validator of a model's JSON Schema (ajv standalone code, generated). */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What a definition must look like: the model rules read, and the validator that checks it. */
export interface DefinitionSchema {
  model: ServiceModel;
  validate: SchemaValidator;
}

/** One model bias job definition found in a document. */
export interface Definition {
  kind: DefinitionKind;
  document: ParsedDocument;
  /** JSON Pointer of the definition's value within its document ('' for a request body). */
  pointer: string;
  value: unknown;
  schema: DefinitionSchema;
}
