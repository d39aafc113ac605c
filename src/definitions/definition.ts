import type { ErrorObject } from 'ajv';
import type { ParsedDocument } from '../loaders/source-document.js';
import type { ServiceModel } from '../model/shapes.js';
import type { DefinitionKind } from '../types.js';
import type { Variant } from './intrinsics.js';

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

/** The CloudFormation template a resource definition sits in. */
export interface TemplateContext {
  /** The whole template, as written (intrinsic functions unresolved). */
  value: Record<string, unknown>;
  /** The resource's logical id. */
  logicalId: string;
}

/** Where a resource in a CDK-synthesized template comes from, so users can find their source. */
export interface CdkContext {
  /** `Metadata["aws:cdk:path"]`, e.g. `BiasStack/BiasJob/Resource`. */
  constructPath: string;
  /** The stack's display name (`BiasStack`, `Prod/BiasStack`), when the assembly's manifest says. */
  stack?: string;
}

/** One model bias job definition found in a document. */
export interface Definition {
  kind: DefinitionKind;
  document: ParsedDocument;
  /** JSON Pointer of the definition's value within its document ('' for a request body). */
  pointer: string;
  schema: DefinitionSchema;
  /** How messages name the whole definition: `The request`, `Resource BiasJob`. */
  label: string;
  /**
   * The values to judge: one for a request body; for a template resource, one per way it can be deployed
   * (parameter values, `Fn::If` branches), with intrinsic functions resolved where they can be.
   */
  variants: readonly Variant[];
  template?: TemplateContext;
  cdk?: CdkContext;
}
