/**
 * Generates the API request model, the CloudFormation resource model and an ajv standalone validator for each
 * (`npm run generate`).
 *
 * API request: structures, member order, required members and enum values come from the installed
 * `@aws-sdk/client-sagemaker`, read as plain text (no SDK code runs); string lengths, patterns, numeric bounds
 * and integer-vs-double, which no npm package ships, come from `scripts/data/api-constraints.json`, transcribed
 * from botocore's service-2.json as recorded in ../shared/reference/sagemaker-model-bias.md §1.1 (see §0).
 *
 * CloudFormation resource (`AWS::SageMaker::ModelBiasJobDefinition`): structure, CFN type and property names,
 * required properties and enum values come from `@aws-cdk/aws-service-spec`'s db.json.gz; lengths, patterns
 * and bounds from `scripts/data/cfn-constraints.json`, transcribed from the reference §2.1/§2.2 (cfn-lint's
 * copy of the registry schema); InstanceType's ProcessingInstanceType values from the SDK, as for the API.
 */

import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { installedAjvVersion, standaloneFunction } from './ajv-standalone.js';
import type { ServiceModel, StringShape, StructureShape, ValueShape } from '../src/model/shapes.js';
import { anchorPattern, OPEN_ENUMS, toJsonSchema } from '../src/model/json-schema.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SDK_PACKAGE = '@aws-sdk/client-sagemaker';
const SDK_DIR = path.join(REPO_ROOT, 'node_modules', ...SDK_PACKAGE.split('/'));
const CONSTRAINTS_FILE = 'scripts/data/api-constraints.json';
const ROOT_STRUCTURE = 'CreateModelBiasJobDefinitionRequest';
const SPEC_PACKAGE = '@aws-cdk/aws-service-spec';
const SPEC_DIR = path.join(REPO_ROOT, 'node_modules', ...SPEC_PACKAGE.split('/'));
const CFN_CONSTRAINTS_FILE = 'scripts/data/cfn-constraints.json';
const CFN_TYPE = 'AWS::SageMaker::ModelBiasJobDefinition';
/** The resource as a template writes it: `Type`, `Properties` and the other attributes CloudFormation knows. */
const CFN_ROOT = 'ModelBiasJobDefinitionResource';
/** The resource's properties, the structure db.json.gz describes. */
const CFN_PROPERTIES = 'ModelBiasJobDefinitionProperties';

/** Repo-relative paths of the files this script writes. */
export const MODEL_FILE = 'src/generated/api-request-model.ts';
export const VALIDATOR_FILE = 'src/generated/api-request-validator.ts';
export const CFN_MODEL_FILE = 'src/generated/cfn-resource-model.ts';
export const CFN_VALIDATOR_FILE = 'src/generated/cfn-resource-validator.ts';

// ---------------------------------------------------------------------------------------------------------
// The SDK's schema file: `export var X$ = [3, n0, _X, traits, [member names], [member types], requiredCount]`

/** A member's type as `schemas_0.js` writes it, before constraints are merged in. */
type SdkType =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'structure'; name: string }
  | { kind: 'list'; items: SdkType }
  | { kind: 'map'; keys: SdkType; values: SdkType };

interface SdkStructure {
  members: { name: string; type: SdkType }[];
  requiredCount: number;
}

/** Splits the text inside an array literal at its top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(' || char === '{') depth++;
    else if (char === ']' || char === ')' || char === '}') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts;
}

/** The text of the bracketed literal that opens at `open` (which must be `[`), brackets excluded. */
function bracketContent(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`Unbalanced brackets in ${SDK_PACKAGE} schemas at offset ${open}.`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class SdkSchemas {
  private readonly constants = new Map<string, string>();

  constructor(private readonly text: string) {
    for (const match of text.matchAll(/^const (_\w+) = "([^"]*)";$/gm)) {
      const [, constant, value] = match;
      if (constant !== undefined && value !== undefined) this.constants.set(constant, value);
    }
  }

  /** The value of a member-name constant such as `_ICn`. */
  private constant(name: string): string {
    const value = this.constants.get(name);
    if (value === undefined) throw new Error(`${SDK_PACKAGE} schemas: no constant ${name}.`);
    return value;
  }

  /** The right-hand side of `[export ]var NAME = …`: an array literal's elements, or a bare expression. */
  private declaration(name: string): string[] | string {
    const match = new RegExp(`^(?:export )?var ${escapeRegExp(name)} = `, 'm').exec(this.text);
    if (match === null) throw new Error(`${SDK_PACKAGE} schemas: no declaration of ${name}.`);
    const start = match.index + match[0].length;
    if (this.text[start] === '[') return splitTopLevel(bracketContent(this.text, start));
    const end = this.text.indexOf(';', start);
    return this.text.slice(start, end).trim();
  }

  structure(name: string): SdkStructure {
    const elements = this.declaration(`${name}$`);
    if (typeof elements === 'string' || elements[0] !== '3') {
      throw new Error(`${SDK_PACKAGE} schemas: ${name}$ is not a structure schema ([3, …]).`);
    }
    const [, , nameConstant, , names, types, required] = elements;
    if (nameConstant === undefined || this.constant(nameConstant) !== name) {
      throw new Error(`${SDK_PACKAGE} schemas: ${name}$ names itself ${String(nameConstant)}.`);
    }
    const memberNames = this.arrayElements(names, `${name}$ member names`).map((constant) => this.constant(constant));
    const memberTypes = this.arrayElements(types, `${name}$ member types`);
    if (memberNames.length !== memberTypes.length) {
      throw new Error(`${SDK_PACKAGE} schemas: ${name}$ has ${memberNames.length} names, ${memberTypes.length} types.`);
    }
    // The trailing count of required members (which come first) is omitted when it is 0.
    const requiredCount = required === undefined ? 0 : Number(required);
    if (!Number.isInteger(requiredCount) || requiredCount > memberNames.length) {
      throw new Error(`${SDK_PACKAGE} schemas: ${name}$ has a bad required count ${String(required)}.`);
    }
    return {
      members: memberNames.map((member, index) => ({
        name: member,
        type: this.type(memberTypes[index] ?? '', `${name}.${member}`),
      })),
      requiredCount,
    };
  }

  private arrayElements(text: string | undefined, what: string): string[] {
    if (text === undefined || !text.startsWith('[') || !text.endsWith(']')) {
      throw new Error(`${SDK_PACKAGE} schemas: ${what} is not an array: ${String(text)}.`);
    }
    return splitTopLevel(text.slice(1, -1));
  }

  /** Decodes a type expression: 0 string, 1 number, 2 boolean, `64 | 0` string list, `128 | 0` string map, thunks. */
  private type(expression: string, where: string): SdkType {
    switch (expression.replace(/\s+/g, ' ')) {
      case '0':
        return { kind: 'string' };
      case '1':
        return { kind: 'number' };
      case '2':
        return { kind: 'boolean' };
      case '64 | 0':
        return { kind: 'list', items: { kind: 'string' } };
      case '128 | 0':
        return { kind: 'map', keys: { kind: 'string' }, values: { kind: 'string' } };
    }
    const thunk = /^\(\) => (\w+)(\$?)$/.exec(expression);
    if (thunk === null || thunk[1] === undefined) {
      throw new Error(`${SDK_PACKAGE} schemas: ${where} has a type sagelint does not handle: ${expression}.`);
    }
    if (thunk[2] === '$') return { kind: 'structure', name: thunk[1] };
    return this.collection(thunk[1], where);
  }

  /** A named list (`[1, n0, _X, traits, item]`) or map (`[2, n0, _X, traits, key, value]`) schema. */
  private collection(name: string, where: string): SdkType {
    const elements = this.declaration(name);
    if (typeof elements === 'string') return this.type(elements, `${where} (${name})`);
    const [kind, , , , first, second] = elements;
    if (kind === '1' && first !== undefined && elements.length === 5) {
      return { kind: 'list', items: this.type(first, `${where}[]`) };
    }
    if (kind === '2' && first !== undefined && second !== undefined && elements.length === 6) {
      return { kind: 'map', keys: this.type(first, `${where} key`), values: this.type(second, `${where} value`) };
    }
    throw new Error(`${SDK_PACKAGE} schemas: ${name} (for ${where}) is neither a list nor a map schema.`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The SDK's type declarations (which member is typed by which enum) and enum values

interface DeclaredMember {
  optional: boolean;
  /** The declared type without `| undefined`, e.g. `ProcessingInstanceType`, `string`, `Tag[]`. */
  type: string;
}

/** `export interface X { Member?: Type | undefined; … }` from `dist-types/models/models_*.d.ts`. */
async function readInterfaces(): Promise<Map<string, Map<string, DeclaredMember>>> {
  const dir = path.join(SDK_DIR, 'dist-types', 'models');
  const files = (await readdir(dir)).filter((file) => /^models_\d+\.d\.ts$/.test(file)).sort();
  const interfaces = new Map<string, Map<string, DeclaredMember>>();
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    for (const match of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      const [, name, body] = match;
      if (name === undefined || body === undefined) continue;
      const members = new Map<string, DeclaredMember>();
      for (const member of body.matchAll(/^ {4}(\w+)(\??): (.+);$/gm)) {
        const [, memberName, optional, type] = member;
        if (memberName === undefined || type === undefined) continue;
        members.set(memberName, { optional: optional === '?', type: type.replace(/ \| undefined$/, '') });
      }
      interfaces.set(name, members);
    }
  }
  return interfaces;
}

/** `export const X = { KEY: "value", … };` from `dist-es/models/enums.js`, values in the SDK's order. */
async function readEnums(): Promise<Map<string, string[]>> {
  const text = await readFile(path.join(SDK_DIR, 'dist-es', 'models', 'enums.js'), 'utf8');
  const enums = new Map<string, string[]>();
  for (const match of text.matchAll(/^export const (\w+) = \{\n([\s\S]*?)^\};/gm)) {
    const [, name, body] = match;
    if (name === undefined || body === undefined) continue;
    enums.set(
      name,
      [...body.matchAll(/^ {4}\w+: "([^"]*)",?$/gm)].map((value) => value[1] ?? ''),
    );
  }
  return enums;
}

// ---------------------------------------------------------------------------------------------------------
// The constraints table (scripts/data/api-constraints.json)

interface StringConstraints {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

interface MemberConstraints extends StringConstraints {
  /** botocore's shape name, kept so the table can be checked against the reference by eye. */
  shape?: string;
  type?: 'integer' | 'number';
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: StringConstraints;
  minEntries?: number;
  maxEntries?: number;
  keys?: StringConstraints;
  values?: StringConstraints;
}

interface ConstraintsSource {
  name: string;
  version: string;
  file: string;
  reference: string;
}

interface ConstraintsTable {
  source: ConstraintsSource;
  members: Map<string, MemberConstraints>;
}

const STRING_KEYS = ['minLength', 'maxLength', 'pattern'];
const KEYS_BY_KIND: Record<SdkType['kind'], string[]> = {
  string: ['shape', ...STRING_KEYS],
  number: ['shape', 'type', 'minimum', 'maximum'],
  boolean: [],
  structure: [],
  list: ['shape', 'minItems', 'maxItems', 'items'],
  map: ['shape', 'minEntries', 'maxEntries', 'keys', 'values'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one entry (or its `items`/`keys`/`values` part) against the keys its member's kind allows. */
function checkEntry(entry: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const [key, value] of Object.entries(entry)) {
    if (!allowed.includes(key)) throw new Error(`${CONSTRAINTS_FILE}: ${where} may not have "${key}".`);
    if (['items', 'keys', 'values'].includes(key)) {
      if (!isRecord(value)) throw new Error(`${CONSTRAINTS_FILE}: ${where}.${key} must be an object.`);
      checkEntry(value, ['shape', ...STRING_KEYS], `${where}.${key}`);
    } else if (key === 'pattern' || key === 'shape') {
      if (typeof value !== 'string') throw new Error(`${CONSTRAINTS_FILE}: ${where}.${key} must be a string.`);
    } else if (key === 'type') {
      if (value !== 'integer' && value !== 'number') {
        throw new Error(`${CONSTRAINTS_FILE}: ${where}.type must be "integer" or "number".`);
      }
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${CONSTRAINTS_FILE}: ${where}.${key} must be a number.`);
    } else if (/^min(Length|Items|Entries)$/.test(key) && value === 0) {
      // A minimum size of 0 constrains nothing; the table leaves it out so that every entry means something.
      throw new Error(`${CONSTRAINTS_FILE}: ${where}.${key} is 0; omit it.`);
    }
  }
}

/**
 * Reads a checked-in constraints table: its `source` (where it was transcribed from), the sections named in
 * `sections` (returned as they are), and every other key as a `"Structure.Member"` entry.
 */
async function readConstraintsTable<Entry, Sections extends string>(
  file: string,
  sections: readonly Sections[],
): Promise<{ source: ConstraintsSource; members: Map<string, Entry>; sections: Record<Sections, unknown> }> {
  const raw: unknown = JSON.parse(await readFile(path.join(REPO_ROOT, file), 'utf8'));
  if (!isRecord(raw)) throw new Error(`${file} must hold an object.`);
  const { source, ...rest } = raw;
  if (
    !isRecord(source) ||
    typeof source.name !== 'string' ||
    typeof source.version !== 'string' ||
    typeof source.file !== 'string' ||
    typeof source.reference !== 'string'
  ) {
    throw new Error(`${file}: "source" needs string "name", "version", "file" and "reference".`);
  }
  const members = new Map<string, Entry>();
  const found = {} as Record<Sections, unknown>;
  for (const [key, entry] of Object.entries(rest)) {
    if ((sections as readonly string[]).includes(key)) {
      found[key as Sections] = entry;
      continue;
    }
    if (!/^\w+\.\w+$/.test(key) || !isRecord(entry)) {
      throw new Error(`${file}: "${key}" must be "Structure.Member" with an object value.`);
    }
    // Shapes are checked against the member's kind once the model says what that kind is.
    members.set(key, entry as Entry);
  }
  return {
    source: { name: source.name, version: source.version, file: source.file, reference: source.reference },
    members,
    sections: found,
  };
}

async function readConstraints(): Promise<ConstraintsTable> {
  const { source, members } = await readConstraintsTable<MemberConstraints, never>(CONSTRAINTS_FILE, []);
  return { source, members };
}

// ---------------------------------------------------------------------------------------------------------
// Building the model

interface EnumLink {
  name: string;
  values: string[];
}

function stringShape(constraints: StringConstraints | undefined, link?: EnumLink): StringShape {
  const shape: StringShape = { type: 'string' };
  if (constraints?.minLength !== undefined) shape.minLength = constraints.minLength;
  if (constraints?.maxLength !== undefined) shape.maxLength = constraints.maxLength;
  if (constraints?.pattern !== undefined) shape.pattern = constraints.pattern;
  if (link !== undefined) {
    shape.enumName = link.name;
    shape.enum = link.values;
  }
  return shape;
}

/**
 * The enum a declared type names, e.g. `ProcessingInstanceType`. The schema types an enum member as a plain
 * string (0); only the type declarations link it to its enum (reference §0).
 */
function enumOf(declared: string, enums: Map<string, string[]>): EnumLink | undefined {
  const values = enums.get(declared);
  return values === undefined ? undefined : { name: declared, values };
}

async function buildModel(): Promise<{ model: ServiceModel; sdkVersion: string; source: ConstraintsSource }> {
  const sdkPackage: unknown = JSON.parse(await readFile(path.join(SDK_DIR, 'package.json'), 'utf8'));
  if (!isRecord(sdkPackage) || typeof sdkPackage.version !== 'string') {
    throw new Error(`${SDK_PACKAGE}/package.json has no version.`);
  }
  const sdkVersion = sdkPackage.version;
  const schemas = new SdkSchemas(await readFile(path.join(SDK_DIR, 'dist-es', 'schemas', 'schemas_0.js'), 'utf8'));
  const interfaces = await readInterfaces();
  const enums = await readEnums();
  const table = await readConstraints();
  const used = new Set<string>();

  const structures: Record<string, StructureShape> = {};
  const pending: string[] = [];

  const toShape = (type: SdkType, declared: string, key: string, constraints: MemberConstraints | undefined): ValueShape => {
    switch (type.kind) {
      case 'string': {
        return stringShape(constraints, enumOf(declared, enums));
      }
      case 'number': {
        // The SDK types integers and doubles alike (1); only the table tells them apart.
        if (constraints?.type === undefined) {
          throw new Error(`${CONSTRAINTS_FILE}: number member ${key} needs "type": "integer" or "number".`);
        }
        return {
          type: constraints.type,
          ...(constraints.minimum !== undefined ? { minimum: constraints.minimum } : {}),
          ...(constraints.maximum !== undefined ? { maximum: constraints.maximum } : {}),
        };
      }
      case 'boolean':
        return { type: 'boolean' };
      case 'structure':
        pending.push(type.name);
        return { type: 'structure', name: type.name };
      case 'list': {
        const itemDeclared = declared.endsWith('[]') ? declared.slice(0, -2) : '';
        const items =
          type.items.kind === 'string'
            ? stringShape(constraints?.items, enumOf(itemDeclared, enums))
            : toShape(type.items, itemDeclared, `${key}[]`, undefined);
        if (constraints?.items !== undefined && type.items.kind !== 'string') {
          throw new Error(`${CONSTRAINTS_FILE}: ${key}.items constrains strings, but the items are ${type.items.kind}s.`);
        }
        return {
          type: 'list',
          items,
          ...(constraints?.minItems !== undefined ? { minItems: constraints.minItems } : {}),
          ...(constraints?.maxItems !== undefined ? { maxItems: constraints.maxItems } : {}),
        };
      }
      case 'map': {
        if (type.keys.kind !== 'string') throw new Error(`${SDK_PACKAGE}: map ${key} has non-string keys.`);
        if (constraints?.values !== undefined && type.values.kind !== 'string') {
          throw new Error(`${CONSTRAINTS_FILE}: ${key}.values constrains strings, but the values are ${type.values.kind}s.`);
        }
        return {
          type: 'map',
          keys: stringShape(constraints?.keys),
          values:
            type.values.kind === 'string' ? stringShape(constraints?.values) : toShape(type.values, '', `${key}{}`, undefined),
          ...(constraints?.minEntries !== undefined ? { minEntries: constraints.minEntries } : {}),
          ...(constraints?.maxEntries !== undefined ? { maxEntries: constraints.maxEntries } : {}),
        };
      }
    }
  };

  const visit = (name: string): void => {
    if (name in structures) return;
    const sdk = schemas.structure(name);
    const declared = interfaces.get(name);
    if (declared === undefined) throw new Error(`${SDK_PACKAGE}: no interface ${name} in dist-types/models.`);
    const declaredNames = [...declared.keys()].sort().join(', ');
    const schemaNames = sdk.members.map((member) => member.name).sort().join(', ');
    if (declaredNames !== schemaNames) {
      throw new Error(`${SDK_PACKAGE}: ${name} has members [${schemaNames}] in schemas but [${declaredNames}] in types.`);
    }
    const members: Record<string, ValueShape> = {};
    const required: string[] = [];
    // Reserve the key now so that a structure reached again from its own members is not walked twice.
    structures[name] = { members, required };
    const children: string[] = [];
    sdk.members.forEach((member, index) => {
      const key = `${name}.${member.name}`;
      const declaration = declared.get(member.name);
      const isRequired = index < sdk.requiredCount;
      if (declaration === undefined || declaration.optional === isRequired) {
        throw new Error(`${SDK_PACKAGE}: ${key} is ${isRequired ? '' : 'not '}required in schemas, not in types.`);
      }
      const constraints = table.members.get(key);
      if (constraints !== undefined) {
        checkEntry(constraints as Record<string, unknown>, KEYS_BY_KIND[member.type.kind], key);
        used.add(key);
      }
      const before = pending.length;
      members[member.name] = toShape(member.type, declaration.type, key, constraints);
      children.push(...pending.splice(before));
      if (isRequired) required.push(member.name);
    });
    for (const child of children) visit(child);
  };
  visit(ROOT_STRUCTURE);

  const unused = [...table.members.keys()].filter((key) => !used.has(key));
  if (unused.length > 0) {
    throw new Error(
      `${CONSTRAINTS_FILE} names members that ${SDK_PACKAGE} ${sdkVersion} does not have under ${ROOT_STRUCTURE}: ${unused.join(', ')}.`,
    );
  }

  const model: ServiceModel = {
    root: ROOT_STRUCTURE,
    structures,
    sources: [
      {
        name: SDK_PACKAGE,
        version: sdkVersion,
        provides:
          'structures, member order, required members and enum values (dist-es/schemas/schemas_0.js, dist-types/models/models_*.d.ts, dist-es/models/enums.js)',
      },
      {
        name: table.source.name,
        version: table.source.version,
        provides: `string lengths and patterns, integer or double, numeric bounds, list and map sizes (${table.source.file}, transcribed in ${CONSTRAINTS_FILE} from ${table.source.reference})`,
      },
    ],
  };
  return { model, sdkVersion, source: table.source };
}

// ---------------------------------------------------------------------------------------------------------
// The CloudFormation resource: @aws-cdk/aws-service-spec's db.json.gz and scripts/data/cfn-constraints.json

/** A property's type as db.json.gz writes it (only the kinds this resource uses). */
type SpecType =
  | { kind: 'string'; allowedValues?: string[] }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  /** CloudFormation's standard tag, `{Key, Value}`; the spec has no type definition for it. */
  | { kind: 'tag' }
  | { kind: 'ref'; id: string }
  | { kind: 'array'; element: SpecType }
  | { kind: 'map'; element: SpecType };

interface SpecProperty {
  name: string;
  type: SpecType;
  required: boolean;
}

interface ServiceSpec {
  version: string;
  properties: SpecProperty[];
  /** The resource's type definitions by `$id`, as `schema.usesType.forward` links them. */
  types: Map<string, { name: string; properties: SpecProperty[] }>;
}

function specType(raw: unknown, where: string): SpecType {
  if (!isRecord(raw)) throw new Error(`${SPEC_PACKAGE}: ${where} has no type object.`);
  switch (raw.type) {
    case 'string': {
      const values = raw.allowedValues;
      if (values === undefined) return { kind: 'string' };
      if (!Array.isArray(values) || !values.every((value): value is string => typeof value === 'string')) {
        throw new Error(`${SPEC_PACKAGE}: ${where} has allowedValues that are not strings.`);
      }
      return { kind: 'string', allowedValues: values };
    }
    case 'integer':
    case 'number':
    case 'boolean':
    case 'tag':
      return { kind: raw.type };
    case 'ref': {
      const reference = raw.reference;
      if (!isRecord(reference) || typeof reference.$ref !== 'string') {
        throw new Error(`${SPEC_PACKAGE}: ${where} is a ref without reference.$ref.`);
      }
      return { kind: 'ref', id: reference.$ref };
    }
    case 'array':
    case 'map':
      return { kind: raw.type, element: specType(raw.element, `${where}[]`) };
  }
  throw new Error(`${SPEC_PACKAGE}: ${where} has a type sagelint does not handle: ${JSON.stringify(raw)}.`);
}

function specProperties(raw: unknown, where: string): SpecProperty[] {
  if (!isRecord(raw)) throw new Error(`${SPEC_PACKAGE}: ${where} has no properties object.`);
  return Object.entries(raw).map(([name, property]) => {
    if (!isRecord(property)) throw new Error(`${SPEC_PACKAGE}: ${where}.${name} is not an object.`);
    return { name, type: specType(property.type, `${where}.${name}`), required: property.required === true };
  });
}

/** Reads the resource and the type definitions it uses from `db.json.gz` (reference §0, row D). */
async function readServiceSpec(): Promise<ServiceSpec> {
  const specPackage: unknown = JSON.parse(await readFile(path.join(SPEC_DIR, 'package.json'), 'utf8'));
  if (!isRecord(specPackage) || typeof specPackage.version !== 'string') {
    throw new Error(`${SPEC_PACKAGE}/package.json has no version.`);
  }
  const db: unknown = JSON.parse(gunzipSync(await readFile(path.join(SPEC_DIR, 'db.json.gz'))).toString('utf8'));
  const schema = isRecord(db) && isRecord(db.schema) ? db.schema : undefined;
  const entities = (table: string): unknown[] => {
    const value = schema?.[table];
    if (!isRecord(value) || !Array.isArray(value.entities)) {
      throw new Error(`${SPEC_PACKAGE} db.json.gz: no schema.${table}.entities.`);
    }
    return value.entities;
  };
  const resources = entities('resource').filter(
    (entity): entity is Record<string, unknown> => isRecord(entity) && entity.cloudFormationType === CFN_TYPE,
  );
  const resource = resources[0];
  if (resources.length !== 1 || resource === undefined || typeof resource.$id !== 'string') {
    throw new Error(`${SPEC_PACKAGE} db.json.gz: expected one resource ${CFN_TYPE}, found ${resources.length}.`);
  }
  const usesType = schema?.usesType;
  const forward = isRecord(usesType) && isRecord(usesType.forward) ? usesType.forward[resource.$id] : undefined;
  if (!Array.isArray(forward)) throw new Error(`${SPEC_PACKAGE} db.json.gz: no schema.usesType.forward[${resource.$id}].`);
  const ids = new Set(forward.map((link) => (isRecord(link) ? link.$id : undefined)));
  const types = new Map<string, { name: string; properties: SpecProperty[] }>();
  for (const entity of entities('typeDefinition')) {
    if (!isRecord(entity) || typeof entity.$id !== 'string' || !ids.has(entity.$id)) continue;
    if (typeof entity.name !== 'string') throw new Error(`${SPEC_PACKAGE}: type ${entity.$id} has no name.`);
    types.set(entity.$id, { name: entity.name, properties: specProperties(entity.properties, entity.name) });
  }
  return { version: specPackage.version, properties: specProperties(resource.properties, CFN_TYPE), types };
}

interface CfnStringConstraints {
  minLength?: number;
  maxLength?: number;
  /** What sagelint stores; the validator anchors it. */
  pattern?: string;
  /** CloudFormation's pattern verbatim, which JSON Schema searches for anywhere in the value. */
  cfnPattern?: string;
  /** The SDK enum whose values the member carries (an open enum). */
  sdkEnum?: string;
  note?: string;
}

interface CfnMemberConstraints extends CfnStringConstraints {
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: CfnStringConstraints;
  minEntries?: number;
  maxEntries?: number;
  keys?: CfnStringConstraints;
  values?: CfnStringConstraints;
}

interface CfnConstraintsTable {
  source: ConstraintsSource;
  /** Structures that accept unknown members, each with why. */
  openStructures: Map<string, string>;
  members: Map<string, CfnMemberConstraints>;
}

type CfnMemberKind = 'string' | 'enum' | 'integer' | 'number' | 'boolean' | 'structure' | 'list' | 'map';

const CFN_STRING_KEYS = ['minLength', 'maxLength', 'pattern', 'cfnPattern', 'note'];
/** The keys an entry may have for each kind of member; a kind missing here must have no entry. */
const CFN_KEYS_BY_KIND: Partial<Record<CfnMemberKind, string[]>> = {
  string: [...CFN_STRING_KEYS, 'sdkEnum'],
  integer: ['minimum', 'maximum', 'note'],
  number: ['minimum', 'maximum', 'note'],
  list: ['minItems', 'maxItems', 'items', 'note'],
  map: ['minEntries', 'maxEntries', 'keys', 'values', 'note'],
};
/** Kinds whose members must have an entry: CFN constrains every such member of this resource. */
const CFN_KINDS_NEEDING_ENTRY: readonly CfnMemberKind[] = ['string', 'integer', 'list', 'map'];

/** Whether `pattern` has a `|` outside any group or class (stripping its anchors would then change it). */
function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * Checks one entry (or its `items`/`keys`/`values` part) and how its stored `pattern` follows from `cfnPattern`:
 * `^X$` must store X; any other choice needs a `note` saying why (the table's `patterns` explains the rule).
 */
function checkCfnEntry(entry: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const [key, value] of Object.entries(entry)) {
    if (!allowed.includes(key)) throw new Error(`${CFN_CONSTRAINTS_FILE}: ${where} may not have "${key}".`);
    if (['items', 'keys', 'values'].includes(key)) {
      if (!isRecord(value)) throw new Error(`${CFN_CONSTRAINTS_FILE}: ${where}.${key} must be an object.`);
      checkCfnEntry(value, CFN_STRING_KEYS, `${where}.${key}`);
    } else if (['pattern', 'cfnPattern', 'sdkEnum', 'note'].includes(key)) {
      if (typeof value !== 'string') throw new Error(`${CFN_CONSTRAINTS_FILE}: ${where}.${key} must be a string.`);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${CFN_CONSTRAINTS_FILE}: ${where}.${key} must be a number.`);
    } else if (/^min(Length|Items|Entries)$/.test(key) && value === 0) {
      throw new Error(`${CFN_CONSTRAINTS_FILE}: ${where}.${key} is 0; omit it.`);
    }
  }
  const { pattern, cfnPattern, note } = entry;
  if (typeof pattern === 'string' && typeof cfnPattern !== 'string') {
    throw new Error(`${CFN_CONSTRAINTS_FILE}: ${where} has a pattern but no cfnPattern to say where it comes from.`);
  }
  if (typeof cfnPattern !== 'string') return;
  const compiles = (what: string, source: string): void => {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      throw new Error(`${CFN_CONSTRAINTS_FILE}: ${where}.${what} does not compile with the u flag: ${String(error)}.`);
    }
  };
  compiles('cfnPattern', cfnPattern);
  if (typeof pattern === 'string') compiles('pattern', anchorPattern(pattern));
  const fullyAnchored = /^\^([\s\S]*[^\\])\$$/.exec(cfnPattern);
  if (fullyAnchored?.[1] !== undefined && !hasTopLevelAlternation(fullyAnchored[1])) {
    if (pattern !== fullyAnchored[1]) {
      throw new Error(
        `${CFN_CONSTRAINTS_FILE}: ${where}: cfnPattern ${cfnPattern} is anchored, so pattern must be ${fullyAnchored[1]}.`,
      );
    }
  } else if (typeof note !== 'string') {
    throw new Error(
      `${CFN_CONSTRAINTS_FILE}: ${where}: cfnPattern ${cfnPattern} is not ^…$; say in a note what is stored and why.`,
    );
  }
}

async function readCfnConstraints(): Promise<CfnConstraintsTable> {
  const { source, members, sections } = await readConstraintsTable<CfnMemberConstraints, 'patterns' | 'openStructures'>(
    CFN_CONSTRAINTS_FILE,
    ['patterns', 'openStructures'],
  );
  const { patterns, openStructures } = sections;
  if (typeof patterns !== 'string') throw new Error(`${CFN_CONSTRAINTS_FILE}: "patterns" must explain the pattern rule.`);
  if (!isRecord(openStructures) || !Object.values(openStructures).every((why) => typeof why === 'string')) {
    throw new Error(`${CFN_CONSTRAINTS_FILE}: "openStructures" must map structure names to why they are open.`);
  }
  return { source, openStructures: new Map(Object.entries(openStructures as Record<string, string>)), members };
}

function cfnStringShape(constraints: CfnStringConstraints | undefined): StringShape {
  const shape: StringShape = { type: 'string' };
  if (constraints?.minLength !== undefined) shape.minLength = constraints.minLength;
  if (constraints?.maxLength !== undefined) shape.maxLength = constraints.maxLength;
  if (constraints?.pattern !== undefined) shape.pattern = constraints.pattern;
  return shape;
}

/**
 * The resource envelope: what a template's `Resources.<LogicalId>` may hold around `Properties`. These are
 * CloudFormation's template anatomy rather than the resource's own schema, so they are written here.
 */
function envelope(): StructureShape {
  const policy = (): StringShape => ({
    type: 'string',
    enum: ['Delete', 'Retain', 'RetainExceptOnCreate'],
    enumName: 'DeletionPolicy',
  });
  return {
    members: {
      Type: { type: 'string' },
      Properties: { type: 'structure', name: CFN_PROPERTIES },
      Metadata: { type: 'any' },
      // A logical id or a list of them; an intrinsic is not allowed here, but the extractor judges that.
      DependsOn: { type: 'any' },
      Condition: { type: 'string' },
      DeletionPolicy: policy(),
      UpdateReplacePolicy: policy(),
    },
    required: ['Type', 'Properties'],
  };
}

/** CloudFormation's standard tag: both members required (the spec types `Tags` as a list of `tag`). */
const TAG_PROPERTIES: readonly SpecProperty[] = [
  { name: 'Key', type: { kind: 'string' }, required: true },
  { name: 'Value', type: { kind: 'string' }, required: true },
];

async function buildCfnModel(): Promise<{
  model: ServiceModel;
  specVersion: string;
  sdkVersion: string;
  source: ConstraintsSource;
}> {
  const spec = await readServiceSpec();
  const table = await readCfnConstraints();
  const enums = await readEnums();
  const sdkPackage: unknown = JSON.parse(await readFile(path.join(SDK_DIR, 'package.json'), 'utf8'));
  if (!isRecord(sdkPackage) || typeof sdkPackage.version !== 'string') {
    throw new Error(`${SDK_PACKAGE}/package.json has no version.`);
  }
  const sdkVersion = sdkPackage.version;
  const used = new Set<string>();
  const structures: Record<string, StructureShape> = { [CFN_ROOT]: envelope() };
  const visited = new Map<string, string>();

  /** `pending` collects the `[$id, name]` of each structure the shape refers to, to visit after its parent. */
  const toShape = (
    type: SpecType,
    key: string,
    constraints: CfnMemberConstraints | undefined,
    pending: [string, string][],
  ): ValueShape => {
    switch (type.kind) {
      case 'string': {
        const shape = cfnStringShape(constraints);
        if (type.allowedValues !== undefined) shape.enum = type.allowedValues;
        if (constraints?.sdkEnum !== undefined) {
          const values = enums.get(constraints.sdkEnum);
          if (values === undefined) {
            throw new Error(`${CFN_CONSTRAINTS_FILE}: ${key}.sdkEnum ${constraints.sdkEnum} is not an enum of ${SDK_PACKAGE}.`);
          }
          if (!OPEN_ENUMS.includes(constraints.sdkEnum)) {
            // CFN's schema does not list these values, so the schema must not enforce them: only open enums qualify.
            throw new Error(`${CFN_CONSTRAINTS_FILE}: ${key}.sdkEnum ${constraints.sdkEnum} is not in OPEN_ENUMS.`);
          }
          shape.enumName = constraints.sdkEnum;
          shape.enum = values;
        }
        return shape;
      }
      case 'integer':
      case 'number':
        return {
          type: type.kind,
          ...(constraints?.minimum !== undefined ? { minimum: constraints.minimum } : {}),
          ...(constraints?.maximum !== undefined ? { maximum: constraints.maximum } : {}),
        };
      case 'boolean':
        return { type: 'boolean' };
      case 'tag':
        pending.push(['tag', 'Tag']);
        return { type: 'structure', name: 'Tag' };
      case 'ref': {
        const target = spec.types.get(type.id);
        if (target === undefined) {
          throw new Error(`${SPEC_PACKAGE}: ${key} refers to type ${type.id}, which ${CFN_TYPE} does not use.`);
        }
        pending.push([type.id, target.name]);
        return { type: 'structure', name: target.name };
      }
      case 'array':
      case 'map': {
        const element = type.element;
        const part = type.kind === 'array' ? constraints?.items : constraints?.values;
        if (part !== undefined && element.kind !== 'string') {
          throw new Error(`${CFN_CONSTRAINTS_FILE}: ${key} constrains string elements, but they are ${element.kind}s.`);
        }
        const elementShape =
          element.kind === 'string' && element.allowedValues === undefined
            ? cfnStringShape(part)
            : toShape(element, `${key}[]`, undefined, pending);
        if (type.kind === 'array') {
          return {
            type: 'list',
            items: elementShape,
            ...(constraints?.minItems !== undefined ? { minItems: constraints.minItems } : {}),
            ...(constraints?.maxItems !== undefined ? { maxItems: constraints.maxItems } : {}),
          };
        }
        return {
          type: 'map',
          keys: cfnStringShape(constraints?.keys),
          values: elementShape,
          ...(constraints?.minEntries !== undefined ? { minEntries: constraints.minEntries } : {}),
          ...(constraints?.maxEntries !== undefined ? { maxEntries: constraints.maxEntries } : {}),
        };
      }
    }
  };

  const kindOf = (type: SpecType): CfnMemberKind => {
    switch (type.kind) {
      case 'string':
        return type.allowedValues === undefined ? 'string' : 'enum';
      case 'ref':
      case 'tag':
        return 'structure';
      case 'array':
        return 'list';
      default:
        return type.kind;
    }
  };

  const visit = (id: string, name: string, properties: readonly SpecProperty[]): void => {
    const seen = visited.get(name);
    if (seen !== undefined) {
      if (seen !== id) throw new Error(`${SPEC_PACKAGE}: two types of ${CFN_TYPE} are named ${name}.`);
      return;
    }
    visited.set(name, id);
    if (name in structures) throw new Error(`${SPEC_PACKAGE}: type ${name} clashes with sagelint's ${name}.`);
    const members: Record<string, ValueShape> = {};
    const required: string[] = [];
    const structure: StructureShape = { members, required };
    if (table.openStructures.has(name)) structure.open = true;
    structures[name] = structure;
    const pending: [string, string][] = [];
    // db.json.gz's property order is arbitrary; sort so that regenerating after an update gives a small diff.
    for (const property of [...properties].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const key = `${name}.${property.name}`;
      const kind = kindOf(property.type);
      const constraints = table.members.get(key);
      const allowed = CFN_KEYS_BY_KIND[kind];
      if (constraints !== undefined) {
        if (allowed === undefined) throw new Error(`${CFN_CONSTRAINTS_FILE}: ${key} is a ${kind}, which takes no entry.`);
        checkCfnEntry(constraints as Record<string, unknown>, allowed, key);
        used.add(key);
      } else if (CFN_KINDS_NEEDING_ENTRY.includes(kind)) {
        throw new Error(`${CFN_CONSTRAINTS_FILE} has no entry for ${key} (a ${kind} in ${SPEC_PACKAGE} ${spec.version}).`);
      }
      members[property.name] = toShape(property.type, key, constraints, pending);
      if (property.required) required.push(property.name);
    }
    for (const [childId, childName] of pending) {
      if (childId === 'tag') visit('tag', 'Tag', TAG_PROPERTIES);
      else visit(childId, childName, spec.types.get(childId)?.properties ?? []);
    }
  };
  visit(`resource ${CFN_TYPE}`, CFN_PROPERTIES, spec.properties);

  const unused = [...table.members.keys()].filter((key) => !used.has(key));
  if (unused.length > 0) {
    throw new Error(
      `${CFN_CONSTRAINTS_FILE} names properties that ${SPEC_PACKAGE} ${spec.version} does not have under ${CFN_TYPE}: ${unused.join(', ')}.`,
    );
  }
  const unknownOpen = [...table.openStructures.keys()].filter((name) => !visited.has(name));
  if (unknownOpen.length > 0) {
    throw new Error(`${CFN_CONSTRAINTS_FILE}: openStructures names types ${CFN_TYPE} does not have: ${unknownOpen.join(', ')}.`);
  }

  const model: ServiceModel = {
    root: CFN_ROOT,
    structures,
    sources: [
      {
        name: SPEC_PACKAGE,
        version: spec.version,
        provides: `structure, CloudFormation type and property names, required properties and enum allowedValues of ${CFN_TYPE} (db.json.gz: schema.resource, schema.typeDefinition, schema.usesType)`,
      },
      {
        name: table.source.name,
        version: table.source.version,
        provides: `string lengths and patterns, numeric bounds, list and map sizes, structures open to unknown members (${table.source.file}, transcribed in ${CFN_CONSTRAINTS_FILE} from ${table.source.reference})`,
      },
      {
        name: SDK_PACKAGE,
        version: sdkVersion,
        provides: 'ProcessingInstanceType values for ClusterConfig.InstanceType, which CFN leaves a free string but the service checks (dist-es/models/enums.js)',
      },
    ],
  };
  return { model, specVersion: spec.version, sdkVersion, source: table.source };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A TypeScript literal for plain data, two-space indented, keys in insertion order. */
function toTsLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${toTsLiteral(item, inner)},\n`).join('')}${indent}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(
      ([key, item]) => `${inner}${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${toTsLiteral(item, inner)},\n`,
    );
    return `{\n${lines.join('')}${indent}}`;
  }
  throw new Error(`Cannot render ${String(value)} as a literal.`);
}

function header(sdkVersion: string, source: ConstraintsSource): string {
  return [
    '// Generated by `npm run generate` (scripts/generate-model.ts). Do not edit.',
    '// Sources:',
    `// - ${SDK_PACKAGE} ${sdkVersion}: structures, members, required members, enum values.`,
    `// - ${source.name} ${source.version} ${source.file}, via ${source.reference}`,
    `//   (${CONSTRAINTS_FILE}): lengths, patterns, integer or double, bounds, list and map sizes.`,
    '',
  ].join('\n');
}

function cfnHeader(specVersion: string, sdkVersion: string, source: ConstraintsSource): string {
  return [
    '// Generated by `npm run generate` (scripts/generate-model.ts). Do not edit.',
    '// Sources:',
    `// - ${SPEC_PACKAGE} ${specVersion} (db.json.gz): ${CFN_TYPE} structure,`,
    '//   CFN type and property names, required properties, enum allowedValues.',
    `// - ${source.name} ${source.version}`,
    `//   ${source.file}, via ${source.reference}`,
    `//   (${CFN_CONSTRAINTS_FILE}): lengths, patterns, bounds, list and map sizes, open structures.`,
    `// - ${SDK_PACKAGE} ${sdkVersion}: ProcessingInstanceType values for ClusterConfig.InstanceType`,
    '//   (an open enum: a free string to CFN, checked by the service).',
    `// - The envelope ${CFN_ROOT} (Type, Properties, Metadata, DependsOn, Condition,`,
    '//   DeletionPolicy, UpdateReplacePolicy): CloudFormation template anatomy, written in the script.',
    '',
  ].join('\n');
}

/** Compiles `model`'s JSON Schema into ajv standalone ES module code. */
function standaloneValidator(model: ServiceModel): { ajvVersion: string; body: string; functionName: string } {
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true } });
  const validate = ajv.compile(toJsonSchema(model));
  return { ajvVersion: installedAjvVersion(), ...standaloneFunction(standalone.default(ajv, validate)) };
}

/**
 * Renders every generated file from the installed SDK, the installed service spec and the constraints tables.
 * @returns repo-relative path → file content; nothing is written.
 */
export async function renderGeneratedFiles(): Promise<Map<string, string>> {
  const { model, sdkVersion, source } = await buildModel();
  const top = header(sdkVersion, source);

  const modelFile = [
    top,
    "import type { ServiceModel } from '../model/shapes.js';",
    '',
    `/** The ${ROOT_STRUCTURE} request as the SageMaker API model describes it. */`,
    `export const apiRequestModel: ServiceModel = ${toTsLiteral(model)};`,
    '',
  ].join('\n');

  const { ajvVersion, body, functionName } = standaloneValidator(model);

  const validatorFile = [
    top,
    '// @ts-nocheck',
    `// ajv ${ajvVersion} standalone code for toJsonSchema(apiRequestModel) (src/model/json-schema.ts).`,
    "import type { ErrorObject } from 'ajv';",
    body,
    '',
    `/** Validates a ${ROOT_STRUCTURE} value; after a call, \`errors\` holds ajv's errors or null. */`,
    'export interface ApiRequestValidator {',
    '  (data: unknown): boolean;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    `/** Checks a ${ROOT_STRUCTURE} against the model's types, required members, lengths, patterns and enums. */`,
    `export const validateApiRequest: ApiRequestValidator = ${functionName};`,
    'export default validateApiRequest;',
    '',
  ].join('\n');

  const cfn = await buildCfnModel();
  const cfnTop = cfnHeader(cfn.specVersion, cfn.sdkVersion, cfn.source);
  const cfnModelFile = [
    cfnTop,
    "import type { ServiceModel } from '../model/shapes.js';",
    '',
    `/** An ${CFN_TYPE} resource as a template writes it: the envelope, then Properties. */`,
    `export const cfnResourceModel: ServiceModel = ${toTsLiteral(cfn.model)};`,
    '',
  ].join('\n');
  const cfnValidator = standaloneValidator(cfn.model);
  const cfnValidatorFile = [
    cfnTop,
    '// @ts-nocheck',
    `// ajv ${cfnValidator.ajvVersion} standalone code for toJsonSchema(cfnResourceModel) (src/model/json-schema.ts).`,
    "import type { ErrorObject } from 'ajv';",
    cfnValidator.body,
    '',
    `/** Validates an ${CFN_TYPE} resource; after a call, \`errors\` holds ajv's errors or null. */`,
    'export interface CfnResourceValidator {',
    '  (data: unknown): boolean;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    `/** Checks an ${CFN_TYPE} resource against the model's types, required members, lengths, patterns and enums. */`,
    `export const validateCfnResource: CfnResourceValidator = ${cfnValidator.functionName};`,
    'export default validateCfnResource;',
    '',
  ].join('\n');

  return new Map([
    [MODEL_FILE, modelFile],
    [VALIDATOR_FILE, validatorFile],
    [CFN_MODEL_FILE, cfnModelFile],
    [CFN_VALIDATOR_FILE, cfnValidatorFile],
  ]);
}

async function main(): Promise<void> {
  for (const [file, content] of await renderGeneratedFiles()) {
    const target = path.join(REPO_ROOT, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    console.log(`wrote ${file}`);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  await main();
}
