/**
 * What structure mutations act on (mutate.ts): YAML's data model, with what JSON cannot hold (duplicate keys, tags,
 * anchors, aliases), read from the fixtures and written back as JSON or YAML.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';

export type TextFormat = 'json' | 'yaml';

interface NodeProperties {
  /** A local tag (`!Ref`) or a YAML one (`!!str`). JSON writes a CloudFormation tag in its long form. */
  tag?: string;
  anchor?: string;
}

export type FuzzNode =
  | (NodeProperties & { kind: 'object'; entries: [string, FuzzNode][] })
  | (NodeProperties & { kind: 'array'; items: FuzzNode[] })
  | (NodeProperties & { kind: 'scalar'; value: string | number | boolean | null; /** Written verbatim. */ raw?: string })
  | { kind: 'alias'; anchor: string };

export type ObjectNode = Extract<FuzzNode, { kind: 'object' }>;
type ScalarNode = Extract<FuzzNode, { kind: 'scalar' }>;

export function parseFixture(text: string, format: TextFormat): FuzzNode[] | undefined {
  // JSON.parse is many times faster than the YAML parser, and the corpus is mostly JSON.
  if (format === 'json') {
    try {
      return [treeOfJson(JSON.parse(text))];
    } catch {
      return undefined;
    }
  }
  const documents = parseAllDocuments(text, { uniqueKeys: false, merge: false });
  // A stream of no document (comments only) has no structure to mutate either.
  if (!Array.isArray(documents) || documents.length === 0 || documents.some((document) => document.errors.length > 0)) return undefined;
  return documents.map((document) => treeOf(document.contents));
}

function treeOf(node: unknown): FuzzNode {
  if (isAlias(node)) return { kind: 'alias', anchor: node.source };
  const properties: NodeProperties = {};
  if (isMap(node) || isSeq(node) || isScalar(node)) {
    if (node.tag?.startsWith('!') === true) properties.tag = node.tag;
    if (node.anchor !== undefined) properties.anchor = node.anchor;
  }
  if (isMap(node)) {
    const entries = node.items.map((pair): [string, FuzzNode] => [keyOf(pair.key), treeOf(pair.value)]);
    return { kind: 'object', entries, ...properties };
  }
  if (isSeq(node)) return { kind: 'array', items: node.items.map(treeOf), ...properties };
  const value = isScalar(node) ? node.value : null;
  const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return { kind: 'scalar', value: plain, ...properties };
}

function treeOfJson(value: unknown): FuzzNode {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(treeOfJson) };
  if (typeof value === 'object' && value !== null) {
    return { kind: 'object', entries: Object.entries(value).map(([key, member]): [string, FuzzNode] => [key, treeOfJson(member)]) };
  }
  return { kind: 'scalar', value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null };
}

function keyOf(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return key === null || key === undefined ? '' : String(key);
}

export const scalar = (value: ScalarNode['value']): FuzzNode => ({ kind: 'scalar', value });
export const object = (entries: Record<string, FuzzNode | string | number | boolean | null>): FuzzNode => ({
  kind: 'object',
  entries: Object.entries(entries).map(([key, value]) => [key, typeof value === 'object' && value !== null ? value : scalar(value)]),
});
export const array = (...items: (FuzzNode | string | number | boolean | null)[]): FuzzNode => ({
  kind: 'array',
  items: items.map((item) => (typeof item === 'object' && item !== null ? item : scalar(item))),
});
/** An intrinsic function in its long form, `{ "Fn::If": [...] }`. */
export const call = (name: string, argument: FuzzNode | string | number | boolean | null): FuzzNode => object({ [name]: argument });

export function member(node: FuzzNode, key: string): FuzzNode | undefined {
  return node.kind === 'object' ? node.entries.findLast(([name]) => name === key)?.[1] : undefined;
}

/** The object member `key` of `node`, made an empty object first when it is missing or not an object. */
export function objectMember(node: ObjectNode, key: string): ObjectNode {
  const existing = member(node, key);
  if (existing?.kind === 'object') return existing;
  const created: ObjectNode = { kind: 'object', entries: [] };
  const index = node.entries.findIndex(([name]) => name === key);
  if (index === -1) node.entries.push([key, created]);
  else node.entries[index] = [key, created];
  return created;
}

export function setMember(node: ObjectNode, key: string, value: FuzzNode): void {
  const index = node.entries.findIndex(([name]) => name === key);
  if (index === -1) node.entries.push([key, value]);
  else node.entries[index] = [key, value];
}

// Writing

/** CloudFormation's long-form key for a short-form tag (`!If` → `Fn::If`), or undefined for other tags. */
function longFormOf(tag: string | undefined): string | undefined {
  const name = tag?.slice(1);
  if (name === undefined || !/^[A-Z][A-Za-z]*$/.test(name)) return undefined;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** Beyond this depth JSON is written without line breaks, and YAML in flow style, so deep nesting stays linear. */
const PRETTY_DEPTH = 32;

/** Writes the first document as JSON (all of them, one after another, with `concatenate`: not valid JSON). */
export function toJson(documents: readonly FuzzNode[], indent: string, concatenate = false): string {
  const anchors = anchorsOf(documents);
  const write = (node: FuzzNode, depth: number): string => {
    if (indent === '' || depth >= PRETTY_DEPTH || node.kind === 'alias' || longFormOf(node.tag) !== undefined) {
      return flowText(node, 'json', anchors);
    }
    const open = `\n${indent.repeat(depth + 1)}`;
    const close = `\n${indent.repeat(depth)}`;
    if (node.kind === 'object' && node.entries.length > 0) {
      return `{${node.entries.map(([key, value]) => `${open}${JSON.stringify(key)}: ${write(value, depth + 1)}`).join(',')}${close}}`;
    }
    if (node.kind === 'array' && node.items.length > 0) {
      return `[${node.items.map((item) => `${open}${write(item, depth + 1)}`).join(',')}${close}]`;
    }
    return flowText(node, 'json', anchors);
  };
  const written = (concatenate ? documents : documents.slice(0, 1)).map((document) => write(document, 0));
  return `${written.join('\n')}\n`;
}

/** Writes every document as YAML, block style near the top and flow style deeper down. */
export function toYaml(documents: readonly FuzzNode[]): string {
  return documents.map(yamlDocument).join('---\n');
}

function yamlDocument(root: FuzzNode): string {
  const body = yamlBlock(root, '', 0);
  return `${body.startsWith('\n') || body.startsWith(' ') ? body.slice(1) : body}\n`;
}

function yamlProperties(node: FuzzNode): string {
  if (node.kind === 'alias') return '';
  return [node.tag, node.anchor === undefined ? undefined : `&${node.anchor}`].filter((part) => part !== undefined).join(' ');
}

/** What follows a key's colon or an item's dash: ` inline` or `\n` and indented lines. */
function yamlBlock(node: FuzzNode, indent: string, depth: number): string {
  const empty = (node.kind === 'object' && node.entries.length === 0) || (node.kind === 'array' && node.items.length === 0);
  if (node.kind === 'alias' || node.kind === 'scalar' || empty || depth >= PRETTY_DEPTH) return ` ${flowText(node, 'yaml')}`;
  const properties = yamlProperties(node);
  const lead = properties === '' ? '' : ` ${properties}`;
  const inner = `${indent}  `;
  if (node.kind === 'object') {
    return lead + node.entries.map(([key, value]) => `\n${indent}${yamlKey(key)}:${yamlBlock(value, inner, depth + 1)}`).join('');
  }
  return lead + node.items.map((item) => `\n${indent}-${yamlBlock(item, inner, depth + 1)}`).join('');
}

/**
 * A node on one line: JSON, or YAML flow style with its tags, anchors and aliases. A loop, not recursion, since
 * deep-nest mutations make chains thousands of levels deep. JSON has no tags (CloudFormation's become their long
 * form) and no aliases (a small target is copied, anything else is left as the alias's name).
 */
function flowText(root: FuzzNode, style: TextFormat, anchors: ReadonlyMap<string, FuzzNode> = new Map()): string {
  const parts: string[] = [];
  const expanding = new Set<FuzzNode>();
  const stack: (FuzzNode | string | { done: FuzzNode })[] = [root];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    if (typeof next === 'string') {
      parts.push(next);
      continue;
    }
    if (!('kind' in next)) {
      expanding.delete(next.done);
      continue;
    }
    if (next.kind === 'alias') {
      const target = anchors.get(next.anchor);
      if (style === 'yaml') parts.push(`*${next.anchor}`);
      else if (target === undefined || expanding.has(target) || countNodes(target) > 64) parts.push(JSON.stringify(`*${next.anchor}`));
      else {
        expanding.add(target);
        stack.push({ done: target }, target);
      }
      continue;
    }
    const long = style === 'json' ? longFormOf(next.tag) : undefined;
    if (long !== undefined) {
      stack.push({ kind: 'object', entries: [[long, { ...next, tag: undefined }]] });
      continue;
    }
    const properties = style === 'yaml' ? yamlProperties(next) : '';
    if (properties !== '') parts.push(`${properties} `);
    const key = (name: string): string => (style === 'yaml' ? yamlKey(name) : JSON.stringify(name));
    const pending: (FuzzNode | string)[] = [];
    if (next.kind === 'scalar') parts.push(style === 'yaml' ? yamlScalar(next) : jsonScalar(next));
    else if (next.kind === 'object') {
      pending.push('{');
      next.entries.forEach(([name, value], index) => pending.push(`${index === 0 ? '' : ', '}${key(name)}: `, value));
      pending.push('}');
    } else {
      pending.push('[');
      next.items.forEach((item, index) => pending.push(index === 0 ? '' : ', ', item));
      pending.push(']');
    }
    stack.push(...pending.reverse());
  }
  return parts.join('');
}

function jsonScalar(node: ScalarNode): string {
  if (node.raw !== undefined) return node.raw;
  return typeof node.value === 'number' && !Number.isFinite(node.value) ? JSON.stringify(String(node.value)) : JSON.stringify(node.value);
}

/** Plain scalars that YAML's core schema reads as the same string, in block and flow context alike. */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@-]*(?: [A-Za-z0-9_./@-]+)*$/;
const NOT_PLAIN = /^(true|false|null|yes|no|on|off|y|n)$/i;

function yamlKey(key: string): string {
  return key === '<<' || (PLAIN.test(key) && !NOT_PLAIN.test(key)) ? key : JSON.stringify(key);
}

function yamlScalar(node: ScalarNode): string {
  if (node.raw !== undefined) return node.raw;
  const { value } = node;
  if (typeof value === 'string') return PLAIN.test(value) && !NOT_PLAIN.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  }
  return String(value);
}

function anchorsOf(documents: readonly FuzzNode[]): Map<string, FuzzNode> {
  const anchors = new Map<string, FuzzNode>();
  for (const document of documents) {
    for (const slot of slotsOf(document, () => undefined)) {
      const { node } = slot;
      if (node.kind !== 'alias' && node.anchor !== undefined && !anchors.has(node.anchor)) anchors.set(node.anchor, node);
    }
  }
  return anchors;
}

export function countNodes(node: FuzzNode): number {
  let count = 0;
  for (const _slot of slotsOf(node, () => undefined)) count += 1;
  return count;
}

// Walking

export interface Slot {
  node: FuzzNode;
  /** A JSON Pointer, for the mutation's name. */
  path: string;
  replace(node: FuzzNode): void;
}

/** Every node under `root`, depth first, each with a way to replace it. Iterative, for deeply nested trees. */
export function* slotsOf(root: FuzzNode, replaceRoot: (node: FuzzNode) => void): Generator<Slot> {
  const stack: Slot[] = [{ node: root, path: '', replace: replaceRoot }];
  while (stack.length > 0) {
    const slot = stack.pop();
    if (slot === undefined) break;
    yield slot;
    const { node } = slot;
    if (node.kind === 'object') {
      node.entries.forEach((entry, index) => {
        stack.push({
          node: entry[1],
          path: `${slot.path}/${entry[0]}`,
          replace: (value) => {
            node.entries[index] = [entry[0], value];
          },
        });
      });
    } else if (node.kind === 'array') {
      node.items.forEach((item, index) => {
        stack.push({
          node: item,
          path: `${slot.path}/${index}`,
          replace: (value) => {
            node.items[index] = value;
          },
        });
      });
    }
  }
}
