/**
 * Derives a draft-07 JSON Schema from a {@link ServiceModel}, for ajv. `scripts/generate-model.ts` compiles
 * it into the standalone validator in `src/generated/`; tests use it to check what the validator enforces.
 */

import type { ListShape, MapShape, NumberShape, ServiceModel, StringShape, StructureShape, ValueShape } from './shapes.js';

/**
 * Enums whose values the schema does not list. AWS adds instance types every few months, so a value missing
 * from the enum bundled with sagelint may be new rather than wrong: a dedicated rule checks these members to
 * tell a malformed value (an error) from a well-formed but unknown one (a warning). The schema only asks for
 * a string, so ajv reports neither.
 */
export const OPEN_ENUMS: readonly string[] = ['ProcessingInstanceType'];

/** A JSON Schema node; only the keywords {@link toJsonSchema} writes. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * Anchors a model pattern. Smithy and botocore write patterns unanchored while the service matches the whole
 * value (reference §1.3), so `^(?:…)$`; the group keeps a top-level alternation inside the anchors.
 */
export function anchorPattern(pattern: string): string {
  return `^(?:${pattern})$`;
}

/**
 * The draft-07 JSON Schema for `model`: one `definitions/<StructureName>` per structure (no unknown members
 * unless the structure is `open`, required members listed) and a root `$ref` to `model.root`. Patterns are
 * anchored; compile with ajv's default `unicodeRegExp: true`, since tag patterns use `\p{L}`.
 */
export function toJsonSchema(model: ServiceModel): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const [name, structure] of Object.entries(model.structures)) {
    definitions[name] = structureSchema(structure);
  }
  if (!(model.root in definitions)) {
    throw new Error(`The model's root structure ${model.root} is not among its structures.`);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $ref: `#/definitions/${model.root}`,
    definitions,
  };
}

function structureSchema(structure: StructureShape): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [member, shape] of Object.entries(structure.members)) {
    properties[member] = valueSchema(shape);
  }
  const schema: JsonSchema = { type: 'object', properties };
  if (structure.required.length > 0) schema.required = [...structure.required];
  if (structure.open !== true) schema.additionalProperties = false;
  return schema;
}

function valueSchema(shape: ValueShape): JsonSchema {
  switch (shape.type) {
    case 'string':
      return stringSchema(shape);
    case 'integer':
    case 'number':
      return numberSchema(shape);
    case 'boolean':
      return { type: 'boolean' };
    case 'structure':
      return { $ref: `#/definitions/${shape.name}` };
    case 'list':
      return listSchema(shape);
    case 'map':
      return mapSchema(shape);
    case 'any':
      return {};
  }
}

function stringSchema(shape: StringShape): JsonSchema {
  const schema: JsonSchema = { type: 'string' };
  if (shape.minLength !== undefined) schema.minLength = shape.minLength;
  if (shape.maxLength !== undefined) schema.maxLength = shape.maxLength;
  if (shape.pattern !== undefined) schema.pattern = anchorPattern(shape.pattern);
  if (shape.enum !== undefined && !(shape.enumName !== undefined && OPEN_ENUMS.includes(shape.enumName))) {
    schema.enum = [...shape.enum];
  }
  return schema;
}

function numberSchema(shape: NumberShape): JsonSchema {
  const schema: JsonSchema = { type: shape.type };
  if (shape.minimum !== undefined) schema.minimum = shape.minimum;
  if (shape.maximum !== undefined) schema.maximum = shape.maximum;
  return schema;
}

function listSchema(shape: ListShape): JsonSchema {
  const schema: JsonSchema = { type: 'array', items: valueSchema(shape.items) };
  if (shape.minItems !== undefined) schema.minItems = shape.minItems;
  if (shape.maxItems !== undefined) schema.maxItems = shape.maxItems;
  return schema;
}

function mapSchema(shape: MapShape): JsonSchema {
  const schema: JsonSchema = {
    type: 'object',
    propertyNames: stringSchema(shape.keys),
    additionalProperties: valueSchema(shape.values),
  };
  if (shape.minEntries !== undefined) schema.minProperties = shape.minEntries;
  if (shape.maxEntries !== undefined) schema.maxProperties = shape.maxEntries;
  return schema;
}
