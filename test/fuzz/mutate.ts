/**
 * A seeded, deterministic mutator of the repository's fixtures, shared by the fuzz test (test/fuzz/fuzz.test.ts)
 * and `npm run fuzz` (scripts/fuzz.ts). Case `n` of seed `s` is the same input on every machine and in every run,
 * whatever other cases were made before it, so a failure is reproduced from the two numbers alone.
 *
 * Mutations act on the parsed structure, which is then written as JSON or YAML (YAML with tags, anchors, aliases and
 * merge keys), and on the written text and bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import {
  array,
  call,
  countNodes,
  member,
  object,
  objectMember,
  parseFixture,
  scalar,
  setMember,
  slotsOf,
  toJson,
  toYaml,
  type FuzzNode,
  type ObjectNode,
  type Slot,
  type TextFormat,
} from './structure.js';

// ---------------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast and good enough to pick mutations; no dependency, the same numbers everywhere. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Random.pick on an empty list');
    return item;
  }
}

/** The generator of case `index` of `seed`, mixed from both (murmur3's finaliser) so neighbouring cases differ. */
export function caseRandom(seed: number, index: number): Random {
  let hash = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  hash = Math.imul(hash ^ (hash >>> 15), 0x846ca68b);
  return new Random(hash ^ (hash >>> 16));
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus: the repository's fixtures

export interface CorpusFile {
  /** Relative to the repository root, with `/`. */
  path: string;
  text: string;
  format: TextFormat;
  /** The parsed documents, or undefined when the fixture is not well-formed (only raw mutations apply then). */
  documents: FuzzNode[] | undefined;
}

/** A CDK cloud assembly (`cdk.out`): its files by path relative to the folder. */
export interface CorpusAssembly {
  path: string;
  files: ReadonlyMap<string, string>;
}

export interface Corpus {
  files: CorpusFile[];
  assemblies: CorpusAssembly[];
}

const FIXTURE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template']);

/** Every JSON and YAML fixture (each text once) and every CDK cloud assembly under `<root>/fixtures`. */
export function loadCorpus(root: string): Corpus {
  const files: CorpusFile[] = [];
  const assemblies: CorpusAssembly[] = [];
  const seen = new Set<string>();
  const walk = (directory: string): void => {
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (entries.some((entry) => entry.name === 'manifest.json') && directory.endsWith(`${sep}cdk.out`)) {
      assemblies.push({ path: toPosix(relative(root, directory)), files: readTree(directory) });
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && FIXTURE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        const text = readFileSync(path, 'utf8');
        if (seen.has(text)) continue;
        seen.add(text);
        const format = formatOf(entry.name, text);
        files.push({ path: toPosix(relative(root, path)), text, format, documents: parseFixture(text, format) });
      }
    }
  };
  walk(join(root, 'fixtures'));
  return { files, assemblies };
}

function readTree(directory: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) for (const [name, text] of readTree(path, `${prefix}${entry.name}/`)) files.set(name, text);
    else if (entry.isFile()) files.set(`${prefix}${entry.name}`, readFileSync(path, 'utf8'));
  }
  return files;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function formatOf(name: string, text: string): TextFormat {
  const extension = extname(name).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

// ---------------------------------------------------------------------------------------------------------------
// Finding places to mutate

/** The structure being mutated, and what is known about it. */
interface MutationContext {
  rng: Random;
  format: TextFormat;
  documents: FuzzNode[];
  /** Anchors made so far, for unique names. */
  anchors: number;
  /** Another fixture, whose parts `crossover` grafts in. */
  donor?: { path: string; root: FuzzNode };
}

function allSlots(context: MutationContext): Slot[] {
  return context.documents.flatMap((document, index) => [
    ...slotsOf(document, (node) => {
      context.documents[index] = node;
    }),
  ]);
}

/** The definitions a document holds: a template's bias resources' properties, or the whole request body. */
function definitionSlots(context: MutationContext): Slot[] {
  const slots = allSlots(context);
  const roots = new Set<string>();
  for (const slot of slots) {
    const type = member(slot.node, 'Type');
    if (/^\/Resources\/[^/]+$/.test(slot.path) && type?.kind === 'scalar' && String(type.value).startsWith('AWS::SageMaker::')) {
      roots.add(`${slot.path}/Properties`);
    }
  }
  if (roots.size === 0) return slots;
  const inside = slots.filter((slot) => [...roots].some((root) => slot.path === root || slot.path.startsWith(`${root}/`)));
  return inside.length > 0 ? inside : slots;
}

/** A random place, inside a definition more often than not (that is where rules look). */
function pickSlot(context: MutationContext, accept: (node: FuzzNode) => boolean = () => true): Slot | undefined {
  const preferred = context.rng.chance(0.7) ? definitionSlots(context) : allSlots(context);
  const candidates = preferred.filter((slot) => accept(slot.node));
  return candidates.length === 0 ? undefined : context.rng.pick(candidates);
}

/** The first document's root as an object, when it is one: where templates keep Parameters, Conditions, Mappings. */
function rootObject(context: MutationContext): ObjectNode | undefined {
  const [root] = context.documents;
  return root?.kind === 'object' ? root : undefined;
}

function isObject(node: FuzzNode): node is ObjectNode {
  return node.kind === 'object';
}

// ---------------------------------------------------------------------------------------------------------------
// Values that break things

/** Numbers at and beyond the edges: doubles' limits, integers past 2^53, negative zero, underflow. */
const JSON_NUMBERS = [
  '1e308', '-1e308', '1e309', '-1', '-0', '0', '9007199254740993', '1e-400', '4294967297', '-2147483649', '0.5', '1.5',
  '123456789012345678901234567890', '1E+2', '0.000001', '-0.0', '2.2250738585072014e-308',
];
/** Numbers JSON does not allow (a syntax error, found at the right place). */
const INVALID_JSON_NUMBERS = ['NaN', 'Infinity', '-Infinity', '0x1F', '01', '+1', '.5', '1.', '1e', '-'];
/** Numbers only YAML reads: its NaN and infinities, other bases, and forms YAML 1.1 read differently. */
const YAML_NUMBERS = ['.nan', '.NaN', '.inf', '-.inf', '+.inf', '0x1F', '0o17', '+1', '.5', '1.', '1_000', '0b101', '1:30', '12e03'];
/** Strings that look like numbers (or booleans, or null) to one reader or another. */
const LOOKALIKE_STRINGS = [
  'NaN', 'Infinity', '-Infinity', '.nan', '.inf', '0x1F', '1_000', '1e308', '-0', '', ' ', 'null', 'true', 'False', 'yes',
  '~', '30 ', '\t30', '1e-400', '9007199254740993', '-1', '0.0', 'undefined', '[object Object]',
];
/** Text that trips code assuming one code unit per character, left-to-right, no invisible or unpaired characters. */
const UNICODE = [
  '\u{1D518}', '\u{1F600}', 'e\u0301\u0302\u0303', '\u202E', '\u200F', '\u200B', '\uFEFF', '\uD800', '\uDC00', '\uD83D',
  '\u2028', '\u2029', '\u0085', 'ｍｌ．ｍ５．ｘｌａｒｇｅ', 'İ', 'ß', 'ﬃ', '\u0000', '\u{10FFFF}', '\uFFFE', '\uFFFF', 'ᏩᎯᏕ',
  'مرحبا', '\u0301',
];
const CONTROL_CHARACTERS = [...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)), '\u007F', '\u0080', '\u009F'];
/** Keys that are special to JavaScript objects, to JSON Pointers, or empty. */
const WEIRD_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a/b', '~0', '~1', '/', '~',
  '0', '-1', '1e3', 'Type', 'Properties', 'Ref', 'Fn::If', 'Condition', '<<', 'ModelBiasJobInput', 'modelbiasjobinput',
  'k'.repeat(2000), '\u{1F600}', 'Key\u0000', '#', '${x}',
];

/** A random scalar of another type than `node`, or a collection around or instead of it. */
function otherType(rng: Random, node: FuzzNode): FuzzNode {
  const choices: (() => FuzzNode)[] = [
    () => scalar(rng.pick(['', 'x', 'ml.m5.xlarge', 's3://bucket/key', 'arn:aws:iam::123456789012:role/r', '30'])),
    () => scalar(rng.pick([0, 1, -1, 30, 1.5, 1e21])),
    () => scalar(rng.pick([true, false])),
    () => scalar(null),
    () => array(),
    () => array(node),
    () => array(node, node),
    () => object({}),
    () => object({ Value: node }),
    () => (node.kind === 'object' && node.entries[0] !== undefined ? node.entries[0][1] : scalar('x')),
    () => (node.kind === 'array' && node.items[0] !== undefined ? node.items[0] : scalar(0)),
  ];
  return rng.pick(choices)();
}

/** CloudFormation intrinsic functions of the wrong shape, or pointing at something missing or at themselves. */
function wrongIntrinsic(rng: Random, names: TemplateNames): FuzzNode {
  const someName = (): string => rng.pick([...names.parameters, ...names.resources, 'Missing', 'AWS::Region', 'AWS::NoValue']);
  const condition = (): string => rng.pick([...names.conditions, 'MissingCondition']);
  const mapping = (): string => rng.pick([...names.mappings, 'MissingMap']);
  const choices: (() => FuzzNode)[] = [
    () => call('Ref', someName()),
    () => call('Ref', rng.pick(names.resources.length > 0 ? names.resources : ['Self'])),
    () => call('Ref', rng.pick<FuzzNode | number | null>([123, null, array('a'), object({ Ref: 'x' })])),
    () => array('a', call('Ref', 'AWS::NoValue'), 'b'),
    () => call('Ref', 'AWS::NoValue'),
    () => call('Fn::Sub', array()),
    () => call('Fn::Sub', array('${A}')),
    () => call('Fn::Sub', array('${A}', object({ A: 'x' }), 'extra')),
    () => call('Fn::Sub', array('${A}', 'not a map')),
    () => call('Fn::Sub', array(object({ A: 1 }), '${A}')),
    () => call('Fn::Sub', rng.pick<string | number>([42, '${', '${}', '${!Literal}', '${AWS::Region}-${AWS::Partition}', `\${${someName()}}`])),
    () => call('Fn::Sub', array('${A}', object({ A: call('Fn::Sub', array('${A}', object({ A: call('Ref', someName()) }))) }))),
    () => call('Fn::If', array(condition(), 'a')),
    () => call('Fn::If', array()),
    () => call('Fn::If', array(array(), 'a', 'b')),
    () => call('Fn::If', array(condition(), call('Ref', 'AWS::NoValue'), call('Ref', someName()))),
    () => call('Fn::If', rng.pick<FuzzNode | string>(['IsProd', object({})])),
    () => call('Fn::Select', array(rng.pick<number | string>([1e308, -1, 2 ** 53 + 1, '0x1', '1e3', 'NaN', '-0', 1.5]), array('a', 'b'))),
    () => call('Fn::Select', array(0, 'not a list')),
    () => call('Fn::Select', array(call('Ref', someName()), array('a'))),
    () => call('Fn::Select', array(0)),
    () => call('Fn::FindInMap', array(mapping(), 'a', 'b')),
    () => call('Fn::FindInMap', array(mapping())),
    () => call('Fn::FindInMap', array(mapping(), 'a', 'b', object({ DefaultValue: 'x' }))),
    () => call('Fn::FindInMap', array(call('Ref', someName()), call('Ref', 'AWS::Region'), 'Image')),
    () => call('Fn::FindInMap', 'not a list'),
    () => call('Fn::Join', array(',', 'not a list')),
    () => call('Fn::Join', array(',', array('a', call('Ref', 'AWS::NoValue'), call('Ref', someName())))),
    () => call('Fn::Join', array(1, array())),
    () => call('Fn::Join', array('')),
    () => call('Fn::GetAtt', rng.pick<FuzzNode | string>(['NoDot', '', '.', 'A.B.C', array(), array('a', 'b', 'c'), object({})])),
    () => call('Fn::Equals', array('a', 'a')),
    () => call('Condition', condition()),
    () => object({ Ref: someName(), Extra: 1 }),
    () => {
      const name = rng.pick(['Base64', 'ImportValue', 'Transform', 'ForEach', 'Length', 'ToJsonString', 'Cidr', 'Split', 'GetAZs', 'Nope']);
      return call(`Fn::${name}`, object({}));
    },
  ];
  let node = rng.pick(choices)();
  // Sometimes nested: an intrinsic whose arguments are themselves wrong intrinsics.
  for (let depth = rng.int(3); depth > 0; depth -= 1) {
    const inner = node;
    node = rng.pick<() => FuzzNode>([
      () => call('Fn::If', array(condition(), inner, rng.pick(choices)())),
      () => call('Fn::Join', array('-', array(inner, 'x'))),
      () => call('Fn::Select', array(0, array(inner))),
      () => call('Fn::Sub', array('${V}', object({ V: inner }))),
    ])();
  }
  return node;
}

/** The names a template declares, so wrong intrinsics can point at real ones too. */
interface TemplateNames {
  parameters: string[];
  conditions: string[];
  mappings: string[];
  resources: string[];
}

function templateNames(context: MutationContext): TemplateNames {
  const root = rootObject(context);
  const keys = (section: string): string[] => {
    const node = root && member(root, section);
    return node?.kind === 'object' ? node.entries.map(([key]) => key) : [];
  };
  return { parameters: keys('Parameters'), conditions: keys('Conditions'), mappings: keys('Mappings'), resources: keys('Resources') };
}

/** Puts `value` somewhere a definition reads (or anywhere), and names the place. */
function plant(context: MutationContext, value: FuzzNode): string {
  const slot = pickSlot(context);
  if (slot === undefined) return 'nowhere';
  slot.replace(value);
  return slot.path;
}

function freshAnchor(context: MutationContext): string {
  context.anchors += 1;
  return `fz${context.anchors}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Structure mutations

interface StructureMutation {
  name: string;
  /** Only for this output format (YAML's tags, anchors and merge keys mean nothing in JSON). */
  format?: TextFormat;
  /** Grows the structure so much that mutating it further would cost more than linting it: at most one, last. */
  last?: true;
  /** Mutates the structure; returns what it did, for the case's description, or undefined when it found no place. */
  apply(context: MutationContext): string | undefined;
}

const STRUCTURE_MUTATIONS: readonly StructureMutation[] = [
  {
    name: 'delete-key',
    apply(context) {
      const slot = pickSlot(context, (node) => isObject(node) && node.entries.length > 0);
      if (slot === undefined || !isObject(slot.node)) return undefined;
      const [removed] = slot.node.entries.splice(context.rng.int(slot.node.entries.length), 1);
      return `${slot.path}/${removed?.[0] ?? ''}`;
    },
  },
  {
    name: 'duplicate-key',
    apply(context) {
      const slot = pickSlot(context, (node) => isObject(node) && node.entries.length > 0);
      if (slot === undefined || !isObject(slot.node)) return undefined;
      const entry = context.rng.pick(slot.node.entries);
      const value = context.rng.chance(0.5) ? entry[1] : otherType(context.rng, entry[1]);
      slot.node.entries.splice(context.rng.int(slot.node.entries.length + 1), 0, [entry[0], value]);
      return `${slot.path}/${entry[0]}`;
    },
  },
  {
    name: 'rename-key',
    apply(context) {
      const { rng } = context;
      const slot = pickSlot(context, (node) => isObject(node) && node.entries.length > 0);
      if (slot === undefined || !isObject(slot.node)) return undefined;
      const index = rng.int(slot.node.entries.length);
      const [key, value] = slot.node.entries[index] ?? ['', scalar(null)];
      const renamed = rng.pick<() => string>([
        () => rng.pick(WEIRD_KEYS),
        () => key.toLowerCase(),
        () => key.toUpperCase(),
        () => `${key} `,
        () => `${key}${rng.pick(UNICODE)}`,
        () => `${rng.pick(CONTROL_CHARACTERS)}${key}`,
      ])();
      slot.node.entries[index] = [renamed, value];
      return `${slot.path}/${key} → ${JSON.stringify(renamed)}`;
    },
  },
  {
    name: 'swap-type',
    apply(context) {
      const slot = pickSlot(context);
      if (slot === undefined) return undefined;
      slot.replace(otherType(context.rng, slot.node));
      return slot.path;
    },
  },
  {
    name: 'weird-number',
    apply(context) {
      const { rng } = context;
      const slot = pickSlot(context, (node) => node.kind === 'scalar' || rng.chance(0.2));
      if (slot === undefined) return undefined;
      const raw =
        context.format === 'json'
          ? rng.chance(0.15) ? rng.pick(INVALID_JSON_NUMBERS) : rng.pick(JSON_NUMBERS)
          : rng.chance(0.5) ? rng.pick(YAML_NUMBERS) : rng.pick(JSON_NUMBERS);
      slot.replace({ kind: 'scalar', value: 0, raw });
      return `${slot.path} = ${raw}`;
    },
  },
  {
    name: 'lookalike-string',
    apply(context) {
      const slot = pickSlot(context, (node) => node.kind === 'scalar');
      if (slot === undefined) return undefined;
      const value = context.rng.pick(LOOKALIKE_STRINGS);
      slot.replace(scalar(value));
      return `${slot.path} = ${JSON.stringify(value)}`;
    },
  },
  {
    name: 'long-string',
    last: true,
    apply(context) {
      const { rng } = context;
      const slot = pickSlot(context, (node) => node.kind === 'scalar');
      if (slot === undefined) return undefined;
      // Repetitive text is what makes a backtracking regular expression take exponential time.
      const unit = rng.pick(['a', '-', 'a-', '/', 'a/', ':', '${', '${a}', '.', 'ml.', 's3://', 'arn:aws:', ' ', '\\', '%', '0', '*']);
      const length = rng.between(100, 20_000);
      const text = `${rng.pick(['', 's3://', 'arn:aws:iam::', 'ml.', 'https://'])}${unit.repeat(Math.ceil(length / unit.length))}${rng.pick(['', '!', '\n', '}'])}`;
      slot.replace(scalar(text));
      return `${slot.path} ${JSON.stringify(unit)} × ${length}`;
    },
  },
  {
    name: 'unicode',
    apply(context) {
      return insertCharacters(context, UNICODE);
    },
  },
  {
    name: 'control-characters',
    apply(context) {
      return insertCharacters(context, CONTROL_CHARACTERS);
    },
  },
  {
    name: 'deep-nest',
    last: true,
    apply(context) {
      const { rng } = context;
      const slot = pickSlot(context);
      if (slot === undefined) return undefined;
      // Shallow enough to pass the loaders' nesting bound and reach the resolver and rules, or far deeper.
      const depth = rng.chance(0.5) ? rng.between(20, 120) : rng.between(200, 3000);
      const shape = rng.pick(['array', 'object', 'mixed', 'fn-if', 'fn-join', 'fn-select', 'fn-sub', 'tagged'] as const);
      const condition = rng.pick([...templateNames(context).conditions, 'Missing']);
      let node = slot.node;
      for (let level = 0; level < depth; level += 1) {
        const inner = node;
        const kind = shape === 'mixed' ? rng.pick(['array', 'object'] as const) : shape;
        node =
          kind === 'array' ? array(inner)
          : kind === 'object' ? object({ [rng.pick(['a', 'Properties', 'ClusterConfig', '0'])]: inner })
          : kind === 'fn-if' ? call('Fn::If', array(condition, inner, 'x'))
          : kind === 'fn-join' ? call('Fn::Join', array('', array(inner)))
          : kind === 'fn-select' ? call('Fn::Select', array(0, array(inner)))
          : kind === 'fn-sub' ? call('Fn::Sub', array('${V}', object({ V: inner })))
          : { kind: 'array', items: [scalar(condition), inner, scalar('x')], tag: '!If' };
      }
      slot.replace(node);
      return `${slot.path} ${depth} ${shape}`;
    },
  },
  {
    name: 'wrong-intrinsic',
    apply(context) {
      return plant(context, wrongIntrinsic(context.rng, templateNames(context)));
    },
  },
  {
    name: 'self-referencing-parameter',
    apply(context) {
      const root = rootObject(context);
      if (root === undefined) return undefined;
      const { rng } = context;
      const name = rng.pick(['P', ...templateNames(context).parameters]);
      const other = `${name}Other`;
      const loop = rng.pick<() => FuzzNode>([
        () => call('Ref', name),
        () => call('Fn::Select', array(0, array(call('Ref', name)))),
        () => call('Fn::If', array('C', call('Ref', name), 'x')),
        () => call('Fn::Sub', array('${V}', object({ V: call('Ref', name) }))),
        () => call('Fn::Join', array('', array(call('Ref', name)))),
        () => call('Ref', other),
      ])();
      const parameters = objectMember(root, 'Parameters');
      const useAllowedValues = rng.chance(0.3);
      setMember(parameters, name, object({ Type: rng.pick(['String', 'Number', 'CommaDelimitedList']), ...(useAllowedValues ? { AllowedValues: array('a', loop) } : { Default: loop }) }));
      setMember(parameters, other, object({ Type: 'String', Default: call('Ref', name) }));
      return `${name} at ${plant(context, call('Ref', name))}`;
    },
  },
  {
    name: 'self-referencing-mapping',
    apply(context) {
      const root = rootObject(context);
      if (root === undefined) return undefined;
      const { rng } = context;
      const find = (map: string): FuzzNode => call('Fn::FindInMap', array(map, 'k', 'v'));
      const mappings = objectMember(root, 'Mappings');
      setMember(mappings, 'M', object({ k: object({ v: rng.chance(0.5) ? find('M') : find('N') }) }));
      setMember(mappings, 'N', object({ k: object({ v: call('Fn::Join', array('', array(find('M')))) }) }));
      return plant(context, find(rng.pick(['M', 'N'])));
    },
  },
  {
    name: 'condition-cycle',
    apply(context) {
      const root = rootObject(context);
      if (root === undefined) return undefined;
      const { rng } = context;
      const conditions = objectMember(root, 'Conditions');
      setMember(conditions, 'A', call('Condition', 'B'));
      setMember(conditions, 'B', call('Fn::Not', array(call('Condition', 'A'))));
      setMember(conditions, 'C', call('Fn::Equals', array(call('Fn::If', array('C', 'a', 'b')), 'a')));
      setMember(conditions, 'D', call('Fn::And', array(call('Condition', 'D'), call('Fn::Or', array(call('Condition', 'A'))))));
      setMember(conditions, 'E', call('Fn::Equals', array(call('Ref', 'PE'), 'x')));
      setMember(objectMember(root, 'Parameters'), 'PE', object({ Type: 'String', Default: call('Fn::If', array('E', 'x', 'y')) }));
      const name = rng.pick(['A', 'B', 'C', 'D', 'E']);
      return `${name} at ${plant(context, call('Fn::If', array(name, 'x', call('Ref', 'PE'))))}`;
    },
  },
  {
    name: 'weird-parameter',
    apply(context) {
      const root = rootObject(context);
      if (root === undefined) return undefined;
      const { rng } = context;
      const weird = (): FuzzNode =>
        rng.pick<() => FuzzNode>([
          () => scalar(rng.pick(['a,,b, ,', '', ' ', 'ml.m5.xlarge', 'x'.repeat(10_000), '${AWS::Region}'])),
          () => scalar(rng.pick([0, -1, 1e308, 30])),
          () => scalar(null),
          () => array('a', array('b'), object({ c: 1 })),
          () => object({ Ref: 'AWS::Region' }),
          () => array(...Array.from({ length: 300 }, (_, index) => `v${index}`)),
        ])();
      const types = ['String', 'Number', 'CommaDelimitedList', 'List<Number>', 'AWS::SSM::Parameter::Value<String>', 42];
      const type = rng.chance(0.9) ? scalar(rng.pick(types)) : rng.pick([array(), object({})]);
      const name = rng.pick(['P', 'InstanceType', ...templateNames(context).parameters]);
      const parameter: FuzzNode = { kind: 'object', entries: [['Type', type]] };
      if (rng.chance(0.8)) parameter.entries.push(['Default', weird()]);
      if (rng.chance(0.6)) parameter.entries.push(['AllowedValues', weird()]);
      setMember(objectMember(root, 'Parameters'), name, parameter);
      const use = rng.pick([call('Ref', name), call('Fn::Sub', `\${${name}}`), call('Fn::Select', array(0, call('Ref', name)))]);
      return `${name} at ${plant(context, use)}`;
    },
  },
  {
    name: 'many-variants',
    apply(context) {
      const root = rootObject(context);
      if (root === undefined) return undefined;
      const parameters = objectMember(root, 'Parameters');
      const conditions = objectMember(root, 'Conditions');
      const count = context.rng.between(5, 12);
      for (let index = 0; index < count; index += 1) {
        const allowed = array(...Array.from({ length: 8 }, (_, value) => `ml.m5.${value}xlarge`));
        setMember(parameters, `V${index}`, object({ Type: 'String', Default: 'ml.m5.xlarge', AllowedValues: allowed }));
        setMember(conditions, `W${index}`, call('Fn::Equals', array(call('Ref', `V${index}`), 'ml.m5.1xlarge')));
        plant(context, call('Fn::If', array(`W${index}`, call('Ref', `V${index}`), call('Ref', `V${(index + 1) % count}`))));
      }
      return `${count}`;
    },
  },
  {
    name: 'weird-section',
    apply(context) {
      const root = rootObject(context);
      if (root === undefined) return undefined;
      const { rng } = context;
      const weird = rng.pick<FuzzNode>([array(), array('a'), scalar('x'), scalar(null), scalar(1), object({ a: array() }), object({ a: 'b' })]);
      const resources = member(root, 'Resources');
      if (resources?.kind === 'object' && resources.entries.length > 0 && rng.chance(0.5)) {
        const [id, resource] = rng.pick(resources.entries);
        const key = rng.pick(['Type', 'Properties', 'Metadata', 'Condition', 'DependsOn', 'DeletionPolicy']);
        if (resource.kind === 'object') setMember(resource, key, weird);
        return `/Resources/${id}/${key}`;
      }
      const section = rng.pick(['Parameters', 'Conditions', 'Mappings', 'Resources', 'Metadata', 'Outputs', 'Transform', 'AWSTemplateFormatVersion']);
      setMember(root, section, weird);
      return `/${section}`;
    },
  },
  {
    name: 'weird-metadata',
    apply(context) {
      const { rng } = context;
      const root = rootObject(context);
      const resources = root && member(root, 'Resources');
      const holders = resources?.kind === 'object' ? resources.entries.map(([, resource]) => resource).filter(isObject) : [];
      const holder = root === undefined ? undefined : rng.chance(0.3) ? root : holders.length > 0 ? rng.pick(holders) : root;
      if (holder === undefined) return undefined;
      const sagelint = rng.pick<FuzzNode>([
        object({ ignore: array(object({ rule: 123 }), 'x', object({ rule: 'valid-s3-uri' }), object({ rule: 'valid-s3-uri', reason: array() })) }),
        object({ ignore: 'all' }),
        object({ ignore: array(object({ rule: '', reason: '' }), object({ rule: 'no-such-rule', reason: 'r' }), scalar(null)) }),
        array(),
        scalar('off'),
        object({ ignore: object({ rule: 'valid-instance-type' }) }),
      ]);
      const metadata = rng.pick<FuzzNode>([object({ sagelint }), object({ 'aws:cdk:path': rng.pick<FuzzNode>([array(), scalar(1), scalar('')]), sagelint }), array(), scalar('m')]);
      setMember(holder, 'Metadata', metadata);
      return holder === root ? '/Metadata' : 'resource Metadata';
    },
  },
  {
    name: 'huge-collection',
    last: true,
    apply(context) {
      const slot = pickSlot(context, (node) => node.kind !== 'alias');
      if (slot === undefined) return undefined;
      // Bounded by the copies' total size too: a thousand copies of a whole resource would only measure the disk.
      const count = Math.max(2, Math.min(context.rng.between(100, 1000), Math.floor(10_000 / countNodes(slot.node))));
      const huge: FuzzNode = context.rng.chance(0.5)
        ? { kind: 'array', items: Array.from({ length: count }, () => slot.node) }
        : { kind: 'object', entries: Array.from({ length: count }, (_, index): [string, FuzzNode] => [`K${index}`, slot.node]) };
      slot.replace(huge);
      return `${slot.path} × ${count}`;
    },
  },
  {
    name: 'assembly-reference',
    apply(context) {
      const { rng } = context;
      const root = rootObject(context);
      if (root === undefined) return undefined;
      // Paths a cloud assembly's manifest or a nested stack may name: itself, its parent, nothing, outside, not a path.
      const path = rng.pick(['.', '..', '', './', '../..', 'manifest.json', 'tree.json', 'cdk.out', '/', '/etc', 'missing', 'a/../.', '\u0000', 'x'.repeat(300)]);
      const artifacts = member(root, 'artifacts');
      if (artifacts?.kind === 'object' && artifacts.entries.length > 0) {
        const [id, artifact] = rng.pick(artifacts.entries);
        if (!isObject(artifact)) return undefined;
        if (rng.chance(0.3)) setMember(artifact, 'type', scalar(rng.pick(['cdk:cloud-assembly', 'aws:cloudformation:stack'])));
        const key = rng.pick(['directoryName', 'templateFile']);
        setMember(objectMember(artifact, 'properties'), key, scalar(path));
        return `${id} ${key} = ${JSON.stringify(path)}`;
      }
      const asset = rng.pick([`${path}.template.json`, 'ParentStack.template.json', 'BiasStack.template.json', 'ParentStackBiasNested04345063.nested.template.json']);
      const constructPath = rng.pick<FuzzNode>([scalar('A/B.NestedStack/C'), scalar(1), array()]);
      const nested = object({ Type: 'AWS::CloudFormation::Stack', Metadata: object({ 'aws:asset:path': asset, 'aws:cdk:path': constructPath }) });
      setMember(objectMember(root, 'Resources'), 'FuzzNestedStack', nested);
      return `nested stack ${JSON.stringify(asset)}`;
    },
  },
  {
    name: 'yaml-tag',
    format: 'yaml',
    apply(context) {
      const slot = pickSlot(context, (node) => node.kind !== 'alias');
      if (slot === undefined || slot.node.kind === 'alias') return undefined;
      const tag = context.rng.pick([
        '!Ref', '!Sub', '!GetAtt', '!If', '!Select', '!FindInMap', '!Join', '!Condition', '!Equals', '!Not', '!And', '!Or',
        '!Base64', '!Split', '!ImportValue', '!GetAZs', '!Cidr', '!Transform', '!ForEach', '!Length', '!ToJsonString',
        '!Foo', '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!!binary', '!!set', '!!omap', '!!pairs',
        '!!timestamp', '!', '!<tag:yaml.org,2002:str>', '!<!Ref>', '!!python/object',
      ]);
      slot.replace({ ...slot.node, tag });
      return `${slot.path} ${tag}`;
    },
  },
  {
    name: 'yaml-alias',
    format: 'yaml',
    apply(context) {
      const { rng } = context;
      const slots = allSlots(context).filter((slot) => slot.node.kind !== 'alias');
      if (slots.length < 2) return undefined;
      const anchored = rng.pick(slots);
      if (anchored.node.kind === 'alias') return undefined;
      const anchor = anchored.node.anchor ?? (rng.chance(0.1) ? 'undefined-anchor' : freshAnchor(context));
      const marked: FuzzNode = { ...anchored.node, anchor };
      anchored.replace(marked);
      // Any other place: before the anchor (an unknown alias), after it, or inside it (a loop).
      const others = allSlots(context).filter((slot) => slot.node !== marked);
      if (others.length === 0) return undefined;
      const target = rng.pick(others);
      target.replace({ kind: 'alias', anchor });
      return `*${anchor} at ${target.path} (&${anchor} at ${anchored.path})`;
    },
  },
  {
    name: 'yaml-merge',
    format: 'yaml',
    apply(context) {
      const { rng } = context;
      const holder = pickSlot(context, isObject);
      const source = rng.pick(allSlots(context));
      if (holder === undefined || !isObject(holder.node) || source.node.kind === 'alias') return undefined;
      const anchor = source.node.anchor ?? freshAnchor(context);
      source.replace({ ...source.node, anchor });
      const merged = rng.pick<FuzzNode>([
        { kind: 'alias', anchor },
        { kind: 'array', items: [{ kind: 'alias', anchor }, { kind: 'alias', anchor }] },
        object({ Merged: 'yes', InstanceCount: 99 }),
        scalar('not a map'),
        array(),
      ]);
      const latest = allSlots(context).find((slot) => slot.path === holder.path)?.node;
      if (latest === undefined || !isObject(latest)) return undefined;
      latest.entries.splice(rng.int(latest.entries.length + 1), 0, ['<<', merged]);
      return `${holder.path} << ${source.path}`;
    },
  },
  {
    name: 'crossover',
    apply(context) {
      const { donor } = context;
      const slot = pickSlot(context);
      if (donor === undefined || slot === undefined) return undefined;
      const graft = context.rng.pick([...slotsOf(donor.root, () => undefined)]);
      // A copy: later mutations must not change the corpus.
      slot.replace(structuredClone(graft.node));
      return `${slot.path} ← ${donor.path}#${graft.path}`;
    },
  },
  {
    name: 'many-resources',
    last: true,
    apply(context) {
      const root = rootObject(context);
      const resources = root && member(root, 'Resources');
      if (resources?.kind !== 'object' || resources.entries.length === 0) return undefined;
      const [id, resource] = context.rng.pick(resources.entries);
      const count = context.rng.between(20, 150);
      for (let copy = 0; copy < count; copy += 1) resources.entries.push([`${id}Copy${copy}`, resource]);
      return `${id} × ${count}`;
    },
  },
  {
    name: 'multi-document',
    apply(context) {
      const { rng } = context;
      const [first] = context.documents;
      if (first === undefined) return undefined;
      const extra = rng.pick<FuzzNode>([first, scalar('just text'), scalar(null), object({}), array(1, 2)]);
      if (rng.chance(0.5)) context.documents.push(extra);
      else context.documents.unshift(extra);
      return `${context.documents.length} documents`;
    },
  },
];

/** Puts characters from `pool` into a random string value (or key), or makes one of them the value. */
function insertCharacters(context: MutationContext, pool: readonly string[]): string | undefined {
  const { rng } = context;
  const characters = Array.from({ length: rng.between(1, 3) }, () => rng.pick(pool)).join('');
  const splice = (text: string): string => {
    const at = rng.int(text.length + 1);
    return rng.chance(0.2) ? characters : `${text.slice(0, at)}${characters}${text.slice(at)}`;
  };
  if (rng.chance(0.3)) {
    const slot = pickSlot(context, (node) => isObject(node) && node.entries.length > 0);
    if (slot !== undefined && isObject(slot.node)) {
      const index = rng.int(slot.node.entries.length);
      const [key, value] = slot.node.entries[index] ?? ['', scalar(null)];
      slot.node.entries[index] = [splice(key), value];
      return `key ${slot.path}/${key} ${JSON.stringify(characters)}`;
    }
  }
  const slot = pickSlot(context, (node) => node.kind === 'scalar');
  if (slot === undefined || slot.node.kind !== 'scalar') return undefined;
  slot.replace(scalar(splice(typeof slot.node.value === 'string' ? slot.node.value : String(slot.node.value))));
  return `${slot.path} ${JSON.stringify(characters)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Text and byte mutations

interface RawMutation {
  name: string;
  /** Mutates the text; returns it with what was done. */
  apply(rng: Random, text: string): { text: string; detail: string };
}

const YAML_TOKENS = [
  '!Ref ', '&a ', '*a', '<<: *a\n', '? ', '- ', ': ', '|', '>', '"', "'", '#', '{', '}', '[', ']', ',', '%', '@', '`', '!!binary ',
  '&', '*', '\t', '\\', '\\u', '\\ud800', '\\uDFFF', '---', '...', '!', '!<', '&a [*a]', '\n- ', ':\n', ' #',
];

const RAW_MUTATIONS: readonly RawMutation[] = [
  { name: 'truncate', apply: (rng, text) => { const at = rng.int(text.length + 1); return { text: text.slice(0, at), detail: `@${at}` }; } },
  { name: 'control-character', apply: (rng, text) => insertAt(rng, text, rng.pick(CONTROL_CHARACTERS)) },
  { name: 'unicode', apply: (rng, text) => insertAt(rng, text, rng.pick(UNICODE)) },
  { name: 'syntax-token', apply: (rng, text) => insertAt(rng, text, rng.pick(YAML_TOKENS)) },
  {
    name: 'tabs',
    apply: (rng, text) => {
      const all = rng.chance(0.3);
      const lines = text.split('\n');
      const target = rng.int(lines.length);
      const tabbed = lines.map((line, index) => (all || index === target ? line.replace(/^( +)/, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2))) : line));
      return { text: tabbed.join('\n'), detail: all ? 'all lines' : `line ${target + 1}` };
    },
  },
  { name: 'duplicate-line', apply: (rng, text) => editLines(rng, text, (lines, at) => lines.splice(at, 0, lines[at] ?? '')) },
  { name: 'delete-line', apply: (rng, text) => editLines(rng, text, (lines, at) => lines.splice(at, 1)) },
  {
    name: 'swap-lines',
    apply: (rng, text) =>
      editLines(rng, text, (lines, at) => {
        const other = rng.int(lines.length);
        [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
      }),
  },
  {
    name: 'indent-line',
    apply: (rng, text) =>
      editLines(rng, text, (lines, at) => {
        const shift = rng.between(-4, 4);
        const line = lines[at] ?? '';
        lines[at] = shift >= 0 ? `${' '.repeat(shift)}${line}` : line.replace(new RegExp(`^ {0,${-shift}}`), '');
      }),
  },
  {
    name: 'document-marker',
    apply: (rng, text) =>
      editLines(rng, text, (lines, at) =>
        lines.splice(at, 0, rng.pick(['---', '...', '--- |', '--- !Ref', '%YAML 1.1\n---', '%TAG !e! tag:e.com,2000:\n---', '--- &a', '%YAML 9.9'])),
      ),
  },
  {
    name: 'suppression-comment',
    apply: (rng, text) =>
      editLines(rng, text, (lines, at) =>
        lines.splice(
          at,
          0,
          rng.pick([
            '# sagelint-disable-next-line valid-s3-uri -- reason',
            '# sagelint-disable-next-line',
            '# sagelint-disable',
            '# sagelint-enable',
            '# sagelint-disable-line ,,, --',
            '# sagelint-disable no-such-rule, valid-instance-type -- ',
            '# sagelint-disable-next-line --',
            '# sagelint-enable valid-s3-uri -- \u{1F600}',
            'x: 1 # sagelint-disable-line',
          ]),
        ),
      ),
  },
  {
    // What editors allow in JSON and the AWS CLI does not: comments and trailing commas.
    name: 'json-leniency',
    apply: (rng, text) => {
      const closers = [...text.matchAll(/\s*[}\]]/g)].map((match) => match.index);
      if (closers.length > 0 && rng.chance(0.5)) return insertAt(rng, text, ',', undefined, rng.pick(closers));
      return editLines(rng, text, (lines, at) => lines.splice(at, 0, rng.pick(['// a comment', '/* a comment */', '/*', '*/', '#', '// sagelint-disable'])));
    },
  },
  {
    name: 'line-endings',
    apply: (rng, text) => {
      const ending = rng.pick(['\r\n', '\r', '\n\r', '\u2028']);
      return { text: text.replace(/\r?\n/g, () => (rng.chance(0.7) ? ending : '\n')), detail: JSON.stringify(ending) };
    },
  },
  { name: 'byte-order-mark', apply: (rng, text) => ({ text: `${'\uFEFF'.repeat(rng.between(1, 2))}${text}`, detail: 'start' }) },
  {
    name: 'deep-brackets',
    apply: (rng, text) => {
      // Shallow enough to pass the loaders' nesting bound and reach the resolver and rules, or far deeper.
      const depth = rng.chance(0.5) ? rng.between(20, 120) : rng.between(200, 3000);
      const [open, close] = rng.pick([['[', ']'], ['{"a":', '}'], ['{a: ', '}'], ['- ', ''], ['!If [C, ', ', x]'], ['[&a ', ']']] as const);
      const inner = rng.chance(0.7) ? `${open.repeat(depth)}1${close.repeat(depth)}` : open.repeat(depth);
      return insertAt(rng, text, inner, `${depth} ${open}`);
    },
  },
  {
    name: 'splice',
    apply: (rng, text) => {
      const start = rng.int(text.length + 1);
      const end = Math.min(text.length, start + rng.int(200));
      return insertAt(rng, text, text.slice(start, end), `${start}-${end}`);
    },
  },
];

function insertAt(rng: Random, text: string, inserted: string, detail?: string, at = rng.int(text.length + 1)): { text: string; detail: string } {
  return { text: `${text.slice(0, at)}${inserted}${text.slice(at)}`, detail: `${detail ?? JSON.stringify(inserted.slice(0, 20))} @${at}` };
}

function editLines(rng: Random, text: string, edit: (lines: string[], at: number) => void): { text: string; detail: string } {
  const lines = text.split('\n');
  const at = rng.int(lines.length);
  edit(lines, at);
  return { text: lines.join('\n'), detail: `line ${at + 1}` };
}

interface ByteMutation {
  name: string;
  apply(rng: Random, bytes: Uint8Array): { bytes: Uint8Array; detail: string };
}

/** Sequences that are not UTF-8: a lone continuation byte, overlong forms, an encoded surrogate, 0xFF. */
const INVALID_UTF8 = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];

const BYTE_MUTATIONS: readonly ByteMutation[] = [
  {
    name: 'random-bytes',
    apply: (rng, bytes) => {
      const inserted = rng.chance(0.5) ? rng.pick(INVALID_UTF8) : Array.from({ length: rng.between(1, 16) }, () => rng.int(256));
      const at = rng.int(bytes.length + 1);
      return { bytes: Uint8Array.from([...bytes.subarray(0, at), ...inserted, ...bytes.subarray(at)]), detail: `${inserted.length} @${at}` };
    },
  },
  {
    name: 'flip-byte',
    apply: (rng, bytes) => {
      if (bytes.length === 0) return { bytes, detail: 'empty' };
      const copy = Uint8Array.from(bytes);
      const at = rng.int(copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 << rng.int(8));
      return { bytes: copy, detail: `@${at}` };
    },
  },
  {
    name: 'truncate-bytes',
    apply: (rng, bytes) => {
      const at = rng.int(bytes.length + 1);
      return { bytes: bytes.subarray(0, at), detail: `@${at}` };
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Cases

export interface CaseFile {
  /** Relative to the case's folder, with `/`. */
  path: string;
  content: Uint8Array;
}

export interface FuzzCase {
  seed: number;
  index: number;
  /** The fixture (or cloud assembly) the case was made from. */
  origin: string;
  /** What was done to it, in order. */
  mutations: string[];
  files: CaseFile[];
  /** Lint the (single) file as standard input, named `stdinFilename`, instead of from the disk. */
  stdinFilename?: string;
}

const STDIN_FILENAMES = ['input.json', 'input.yaml', 'input.template', 'input', 'input.txt', 'nested/dir/input.yml', 'INPUT.JSON'];

/** Case `index` of `seed`: a mutated fixture, or now and then a cloud assembly with mutated files. */
export function makeCase(corpus: Corpus, seed: number, index: number): FuzzCase {
  const rng = caseRandom(seed, index);
  if (corpus.assemblies.length > 0 && rng.chance(0.06)) return assemblyCase(rng, rng.pick(corpus.assemblies), seed, index);
  const origin = rng.pick(corpus.files);
  const donor = rng.pick(corpus.files);
  const mutated = mutateFile(rng, origin, donor.documents?.[0] && { path: donor.path, root: donor.documents[0] });
  const extension = rng.chance(0.05)
    ? rng.pick(['.json', '.yaml', '.yml', '.template'])
    : mutated.format === 'json' ? rng.pick(['.json', '.json', '.json', '.template']) : rng.pick(['.yaml', '.yaml', '.yml', '.template']);
  // Now and then a name that paths, globs, URIs (SARIF) and terminals treat specially.
  const name = rng.chance(0.1) ? rng.pick(['in put', 'ünï-cödé', 'a#b%20c?d', '[x]{y}*', '-dash', '.hidden', '\u{1F600}', "it's"]) : 'input';
  const file = { path: `${name}${extension}`, content: mutated.content };
  const fuzzCase: FuzzCase = { seed, index, origin: origin.path, mutations: mutated.mutations, files: [file] };
  if (rng.chance(0.03)) fuzzCase.stdinFilename = rng.pick(STDIN_FILENAMES);
  return fuzzCase;
}

function mutateFile(
  rng: Random,
  origin: CorpusFile,
  donor: MutationContext['donor'],
  format?: TextFormat,
): { content: Uint8Array; format: TextFormat; mutations: string[] } {
  const mutations: string[] = [];
  let outputFormat = format ?? origin.format;
  let text = origin.text;
  const structured = origin.documents !== undefined && rng.chance(0.85);
  if (structured && origin.documents !== undefined) {
    if (format === undefined && rng.chance(0.12)) {
      outputFormat = origin.format === 'json' ? 'yaml' : 'json';
      mutations.push(`as-${outputFormat}`);
    }
    const context: MutationContext = { rng, format: outputFormat, documents: structuredClone(origin.documents), anchors: 0, donor };
    const applicable = STRUCTURE_MUTATIONS.filter((mutation) => mutation.format === undefined || mutation.format === outputFormat);
    const chosen = Array.from({ length: rng.between(1, 4) }, () => rng.pick(applicable));
    const last = chosen.find((mutation) => mutation.last === true);
    for (const mutation of [...chosen.filter((candidate) => candidate.last !== true), ...(last === undefined ? [] : [last])]) {
      const detail = mutation.apply(context);
      if (detail !== undefined) mutations.push(`${mutation.name}(${detail})`);
    }
    const concatenate = mutations.some((name) => name.startsWith('multi-document'));
    text = outputFormat === 'json' ? toJson(context.documents, rng.pick(['  ', '\t', '', '    ']), concatenate) : toYaml(context.documents);
  }
  if (!structured || rng.chance(0.2)) {
    for (let count = rng.between(1, 3); count > 0; count -= 1) {
      const mutation = rng.pick(RAW_MUTATIONS);
      const result = mutation.apply(rng, text);
      text = result.text;
      mutations.push(`${mutation.name}(${result.detail})`);
    }
  }
  let content: Uint8Array = Buffer.from(text, 'utf8');
  if (rng.chance(structured ? 0.05 : 0.25)) {
    const mutation = rng.pick(BYTE_MUTATIONS);
    const result = mutation.apply(rng, content);
    content = result.bytes;
    mutations.push(`${mutation.name}(${result.detail})`);
  }
  return { content, format: outputFormat, mutations };
}

/** A cloud assembly with one or two of its JSON files mutated, or one deleted. */
function assemblyCase(rng: Random, assembly: CorpusAssembly, seed: number, index: number): FuzzCase {
  const files = new Map([...assembly.files].map(([path, text]) => [path, Buffer.from(text, 'utf8') as Uint8Array]));
  const mutations: string[] = [];
  const untouched = [...assembly.files.keys()].filter((path) => path.endsWith('.json'));
  for (let count = rng.between(1, 2); count > 0 && untouched.length > 0; count -= 1) {
    const manifests = untouched.filter((path) => path.endsWith('manifest.json'));
    // The manifests decide what is read: mutated more often than their share.
    const path = manifests.length > 0 && rng.chance(0.4) ? rng.pick(manifests) : rng.pick(untouched);
    untouched.splice(untouched.indexOf(path), 1);
    // At least one file stays, or the case lints nothing at all (a usage error).
    if (files.size > 1 && rng.chance(0.1)) {
      files.delete(path);
      mutations.push(`delete-file(${path})`);
      continue;
    }
    const text = assembly.files.get(path) ?? '';
    const mutated = mutateFile(rng, { path, text, format: 'json', documents: parseFixture(text, 'json') }, undefined, 'json');
    files.set(path, mutated.content);
    mutations.push(`${path}: ${mutated.mutations.join(', ')}`);
  }
  return {
    seed,
    index,
    origin: assembly.path,
    mutations,
    files: [...files].map(([path, content]) => ({ path: `cdk.out/${path}`, content })),
  };
}

/** How a case reads in a failure message. */
export function describeCase(fuzzCase: FuzzCase): string {
  const stdin = fuzzCase.stdinFilename === undefined ? '' : `, as stdin named ${JSON.stringify(fuzzCase.stdinFilename)}`;
  return `seed ${fuzzCase.seed}, case ${fuzzCase.index} (from ${fuzzCase.origin}${stdin}; mutations: ${fuzzCase.mutations.join(' → ') || 'none'})`;
}
