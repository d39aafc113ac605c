/**
 * The shape of a request or resource as its official model describes it: structures with members, and each
 * member's type with the constraints AWS publishes (lengths, patterns, bounds, enums). Generated models in
 * `src/generated/` are values of these types; JSON Schema for ajv is derived from them.
 */

export interface StringShape {
  type: 'string';
  minLength?: number;
  maxLength?: number;
  /** The pattern exactly as the model writes it (unanchored); the validator anchors it. */
  pattern?: string;
  /** The allowed values, when the model types the member as an enum. */
  enum?: readonly string[];
  /** The model's name for that enum (`ProcessingInstanceType`). */
  enumName?: string;
}

export interface NumberShape {
  /** `integer` rejects fractions; `number` is the model's double. */
  type: 'integer' | 'number';
  minimum?: number;
  maximum?: number;
}

export interface BooleanShape {
  type: 'boolean';
}

export interface StructureRef {
  type: 'structure';
  /** A key of `ServiceModel.structures`. */
  name: string;
}

export interface ListShape {
  type: 'list';
  items: ValueShape;
  minItems?: number;
  maxItems?: number;
}

export interface MapShape {
  type: 'map';
  keys: StringShape;
  values: ValueShape;
  minEntries?: number;
  maxEntries?: number;
}

/** Any JSON value: what CloudFormation lets a template put in `Metadata`, say. */
export interface AnyShape {
  type: 'any';
}

export type ValueShape = StringShape | NumberShape | BooleanShape | StructureRef | ListShape | MapShape | AnyShape;

export interface StructureShape {
  members: Readonly<Record<string, ValueShape>>;
  required: readonly string[];
  /** Unknown members are accepted (CloudFormation's `DatasetFormat`, say); by default they are not. */
  open?: true;
}

export interface ModelSource {
  /** Package or document the facts come from, e.g. `@aws-sdk/client-sagemaker`. */
  name: string;
  version: string;
  /** What was taken from it. */
  provides: string;
}

export interface ServiceModel {
  /** The structure a definition's value must match, e.g. `CreateModelBiasJobDefinitionRequest`. */
  root: string;
  structures: Readonly<Record<string, StructureShape>>;
  sources: readonly ModelSource[];
}
