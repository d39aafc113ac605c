import { Composer, CST, isAlias, isMap, isScalar, isSeq, Parser, visit, type Document, type Node as YamlNode, type Tags } from 'yaml';
import {
  MAX_NESTING_DEPTH,
  nestedTooDeep,
  setMember,
  type ObjectEntry,
  type ParsedDocument,
  type SourceDocument,
  type SourceNode,
  type LoadProblem,
  type Range,
} from './source-document.js';

/**
 * Bounds what aliases may expand to. A definition has about a hundred nodes; a "billion laughs" document has
 * billions, and every rule walking it would pay for each one.
 */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * CloudFormation's short-form intrinsic function tags, each with the key its long form (JSON) uses. The rule-only
 * functions (`Fn::Contains`, `Fn::EachMemberEquals`, `Fn::EachMemberIn`, `Fn::RefAll`, `Fn::ValueOf`,
 * `Fn::ValueOfAll`) and the `AWS::LanguageExtensions` ones (`Fn::ForEach`, `Fn::Length`, `Fn::ToJsonString`) are
 * included. Any other local tag (`!Foo`) keeps its plain value, as before.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
const INTRINSIC_TAGS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...[
    'And', 'Base64', 'Cidr', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'Equals', 'FindInMap', 'ForEach', 'GetAtt',
    'GetAZs', 'If', 'ImportValue', 'Join', 'Length', 'Not', 'Or', 'RefAll', 'Select', 'Split', 'Sub', 'ToJsonString',
    'Transform', 'ValueOf', 'ValueOfAll',
  ].map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/**
 * The intrinsic tags, known to the composer in each form they take (`!Ref X`, `!GetAtt [A, B]`, `!If {…}`) so that
 * it leaves them as written without a warning: each warning is an Error with a stack trace, a hundred per template.
 */
const INTRINSIC_CUSTOM_TAGS: Tags = [...INTRINSIC_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const },
  { tag, collection: 'map' as const },
]);

/**
 * How documents are composed: merge keys resolved, syntax tokens kept (only they say where a tag is written), and
 * duplicate keys left to the conversion, which finds them by their text (`1` and `"1"` differ to YAML, not to JSON).
 * The benchmark's parse floor composes with the same options.
 */
export const COMPOSER_OPTIONS = { merge: true, uniqueKeys: false, keepSourceTokens: true, customTags: INTRINSIC_CUSTOM_TAGS } as const;

/**
 * Parses a YAML stream (several documents allowed) as YAML 1.2 with the core schema, as the AWS CLI reads
 * `--cli-input-yaml`. Anchors, aliases and merge keys (`<<`) are resolved; positions inside aliased content
 * are those of the anchored original, the only place that text exists. CloudFormation's short-form tags
 * (`!Ref X`, `!GetAtt A.B`, …) become their long forms (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`).
 */
export function loadYaml(filePath: string, text: string): SourceDocument {
  const problems: LoadProblem[] = [];
  const documents: ParsedDocument[] = [];
  // What `parseAllDocuments` does, keeping the syntax tokens: only they say where a tag is written.
  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = findTooDeep(tokens);
  if (tooDeep !== undefined) return { filePath, text, format: 'yaml', documents: [], problems: [tooDeep] };
  const tags = indexTags(tokens);
  const composer = new Composer(COMPOSER_OPTIONS);
  for (const yamlDocument of composer.compose(tokens)) {
    const error = yamlDocument.errors[0];
    if (error !== undefined) {
      // At the end of the text (a missing closing quote or bracket) the parser's range runs one past it.
      const [start, end] = error.pos.map((offset) => Math.min(offset, text.length));
      problems.push({ kind: 'syntax', message: sentence(error.message), range: { start: start ?? 0, end: end ?? 0 } });
      continue;
    }
    if (yamlDocument.contents === null) continue; // an empty document between `---` markers
    const converted = new YamlConverter(yamlDocument, text, tags).convertDocument();
    if ('problem' in converted) problems.push(converted.problem);
    else documents.push(converted);
  }
  if (problems.length > 0) return { filePath, text, format: 'yaml', documents: [], problems };
  // Comments matter only for suppressions: looked for only when the text holds one.
  const comments = text.includes('sagelint-') ? commentsOf(tokens) : [];
  return { filePath, text, format: 'yaml', documents, problems, ...(comments.length > 0 && { comments }) };
}

/**
 * The first mapping or sequence, block or flow, nested deeper than `MAX_NESTING_DEPTH`, in document order. The
 * parser builds its syntax tree without recursion, but the composer and everything after it recurse once per level,
 * so the tree is walked here with a stack of its own before any of them runs.
 */
function findTooDeep(tokens: readonly CST.Token[]): LoadProblem | undefined {
  const pending = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === 'document' && token.value !== undefined) pending.push({ token: token.value, depth });
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth === MAX_NESTING_DEPTH) return nestedTooDeep(token.offset);
    // Pushed last item first, so that items are taken in document order.
    for (const item of [...token.items].reverse()) {
      if (item.value) pending.push({ token: item.value, depth: depth + 1 });
      if (item.key) pending.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Every comment of a YAML stream, from the parser's syntax tokens: a `#` in a string or block scalar is not one. */
function commentsOf(tokens: readonly CST.Token[]): Range[] {
  const comments: Range[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      comments.push({ start: token.offset, end: token.offset + token.source.length });
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  for (const token of tokens) visit(token);
  return comments.sort((a, b) => a.start - b.start);
}


/** Where tags are written: by the syntax token of the node they apply to, or in order for empty nodes. */
interface TagIndex {
  byToken: Map<CST.Token, Range>;
  /** Tags of nodes with no text (`Key: !Ref`), which have no token; in document order. */
  ofEmptyNodes: Range[];
}

/**
 * Finds every tag in the syntax tree. A tag is written among the properties before its node: those of a mapping
 * value follow the `:` (`sep`), those of a key, a sequence item or a document's root come first (`start`).
 */
function indexTags(tokens: readonly CST.Token[]): TagIndex {
  const index: TagIndex = { byToken: new Map(), ofEmptyNodes: [] };
  const note = (properties: readonly CST.SourceToken[], target: CST.Token | null | undefined): void => {
    const tag = properties.findLast((token) => token.type === 'tag');
    if (tag === undefined) return;
    const range = { start: tag.offset, end: tag.offset + tag.source.length };
    if (target === null || target === undefined) index.ofEmptyNodes.push(range);
    else index.byToken.set(target, range);
  };
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      if (item.sep === undefined) {
        note(item.start, item.key ?? item.value);
      } else {
        note(item.start, item.key);
        note(item.sep, item.value);
      }
    });
  }
  return index;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

interface Converted {
  value: unknown;
  source: SourceNode;
  /** How many nodes the value holds once every alias in it is expanded. */
  size: number;
}

class ConversionError extends Error {
  constructor(readonly problem: LoadProblem) {
    super(problem.message);
  }
}

class YamlConverter {
  private readonly done = new Map<YamlNode, Converted>();
  private readonly inProgress = new Set<YamlNode>();
  private aliasTargets: Map<YamlNode, YamlNode> | undefined;

  constructor(
    private readonly document: Document.Parsed,
    private readonly text: string,
    private readonly tags: TagIndex,
  ) {}

  convertDocument(): ParsedDocument | { problem: LoadProblem } {
    const contents = this.document.contents;
    if (contents === null) return { problem: { kind: 'syntax', message: 'Empty YAML document.', range: { start: 0, end: 0 } } };
    try {
      const root = this.convert(contents);
      return { value: root.value, root: root.source };
    } catch (error) {
      if (error instanceof ConversionError) return { problem: error.problem };
      throw error;
    }
  }

  private convert(node: YamlNode): Converted {
    const known = this.done.get(node);
    if (known !== undefined) return known;
    if (isAlias(node)) return this.convertAlias(node);
    this.inProgress.add(node);
    const plain = isMap(node) ? this.convertMap(node) : isSeq(node) ? this.convertSeq(node) : this.convertScalar(node);
    const intrinsic = node.tag === undefined ? undefined : INTRINSIC_TAGS.get(node.tag);
    const converted = intrinsic === undefined ? plain : this.convertIntrinsic(node, intrinsic, plain);
    this.inProgress.delete(node);
    this.done.set(node, converted);
    return converted;
  }

  private convertAlias(alias: YamlNode & { source: string }): Converted {
    this.aliasTargets ??= aliasTargetsOf(this.document);
    const target = this.aliasTargets.get(alias);
    if (target === undefined) {
      throw new ConversionError({ kind: 'syntax', message: `Unknown YAML alias *${alias.source}.`, range: rangeOf(alias) });
    }
    if (this.inProgress.has(target)) {
      throw new ConversionError({
        kind: 'syntax',
        message: `The YAML alias *${alias.source} refers to a node that contains it.`,
        range: rangeOf(alias),
      });
    }
    const converted = this.convert(target);
    if (converted.size > MAX_EXPANDED_NODES) throw this.tooLarge(alias);
    return converted;
  }

  /** The problem for a document that expands too far, placed at the alias that went over (or `fallback`). */
  private tooLarge(node: YamlNode, fallback?: Range): ConversionError {
    return new ConversionError({
      kind: 'syntax',
      message: `YAML aliases expand to more than ${MAX_EXPANDED_NODES} nodes; the document was not expanded.`,
      range: isAlias(node) || fallback === undefined ? rangeOf(node) : fallback,
    });
  }

  private convertMap(node: YamlNode): Converted {
    if (!isMap(node)) throw new TypeError('expected a YAML map');
    const value: Record<string, unknown> = {};
    const entries = new Map<string, ObjectEntry>();
    let size = 1;
    const merges: YamlNode[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        if (pair.value !== null) merges.push(pair.value as YamlNode);
        continue;
      }
      const key = keyText(keyNode);
      const keyRange = keyNode === null ? rangeOf(pair.value as YamlNode) : rangeOf(keyNode);
      if (entries.has(key)) {
        throw new ConversionError({ kind: 'syntax', message: `Duplicate key ${JSON.stringify(key)}.`, range: keyRange });
      }
      const child = pair.value === null ? nullAt(keyRange.end) : this.convert(pair.value as YamlNode);
      setMember(value, key, child.value);
      entries.set(key, { key: keyRange, node: child.source });
      size += child.size;
      if (size > MAX_EXPANDED_NODES) throw this.tooLarge(pair.value === null ? node : (pair.value as YamlNode), keyRange);
    }
    // Merge keys: explicit keys win over merged ones, and earlier merge sources over later ones.
    for (const merge of merges) {
      const sources = isSeq(merge) ? (merge.items as YamlNode[]) : [merge];
      for (const source of sources) {
        const merged = this.convert(source);
        if (merged.source.kind !== 'object' || typeof merged.value !== 'object' || merged.value === null) {
          throw new ConversionError({ kind: 'syntax', message: 'A YAML merge key (<<) must name a mapping.', range: rangeOf(source) });
        }
        const mergedValue = merged.value as Record<string, unknown>;
        for (const [key, entry] of merged.source.entries) {
          if (entries.has(key)) continue;
          setMember(value, key, mergedValue[key]);
          entries.set(key, entry);
        }
        size += merged.size;
        if (size > MAX_EXPANDED_NODES) throw this.tooLarge(source, rangeOf(source));
      }
    }
    return { value, source: { kind: 'object', range: rangeOf(node), entries }, size };
  }

  private convertSeq(node: YamlNode): Converted {
    if (!isSeq(node)) throw new TypeError('expected a YAML sequence');
    const values: unknown[] = [];
    const items: SourceNode[] = [];
    let size = 1;
    for (const item of node.items as (YamlNode | null)[]) {
      const child = item === null ? nullAt(rangeOf(node).start) : this.convert(item);
      values.push(child.value);
      items.push(child.source);
      size += child.size;
      if (size > MAX_EXPANDED_NODES) throw this.tooLarge(item ?? node, child.source.range);
    }
    return { value: values, source: { kind: 'array', range: rangeOf(node), items }, size };
  }

  /**
   * A short-form intrinsic as its long form: one member named `key`, whose key range is the tag and whose value is
   * the tagged node's. `!GetAtt A.B` is split at the first dot, as CloudFormation does, into `["A", "B"]`.
   */
  private convertIntrinsic(node: YamlNode, key: string, inner: Converted): Converted {
    const tag = this.tagRange(node);
    const value = key === 'Fn::GetAtt' && typeof inner.value === 'string' ? this.splitGetAtt(inner.value, inner.source.range) : inner;
    const entries = new Map<string, ObjectEntry>([[key, { key: tag, node: value.source }]]);
    const wrapper: Record<string, unknown> = {};
    setMember(wrapper, key, value.value);
    const range = { start: tag.start, end: Math.max(tag.end, value.source.range.end) };
    return { value: wrapper, source: { kind: 'object', range, entries }, size: value.size + 1 };
  }

  /** Where the tag of `node` is written; a node without text (`!GetAZs` alone) takes the last tag before it. */
  private tagRange(node: YamlNode): Range {
    const token = node.srcToken;
    const known = token === undefined ? undefined : this.tags.byToken.get(token);
    if (known !== undefined) return known;
    const start = rangeOf(node).start;
    const before = this.tags.ofEmptyNodes.findLast((range) => range.end <= start);
    return before ?? { start, end: start };
  }

  /** `Res.Attr` → `["Res", "Attr"]`, each item at its own text when the scalar's text is its value (plain or quoted). */
  private splitGetAtt(value: string, range: Range): Converted {
    const dot = value.indexOf('.');
    const parts = dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
    const written = this.text.slice(range.start, range.end);
    const quoted = written.length === value.length + 2 && /^(["']).*\1$/s.test(written) && written.slice(1, -1) === value;
    const offset = written === value ? range.start : quoted ? range.start + 1 : undefined;
    const items: SourceNode[] = parts.map((part, index) => {
      if (offset === undefined) return { kind: 'scalar', range };
      const start = index === 0 ? offset : offset + dot + 1;
      return { kind: 'scalar', range: { start, end: start + part.length } };
    });
    return { value: parts, source: { kind: 'array', range, items }, size: parts.length + 1 };
  }

  private convertScalar(node: YamlNode): Converted {
    const value = isScalar(node) ? node.value : null;
    return { value: value === undefined ? null : value, source: { kind: 'scalar', range: rangeOf(node) }, size: 1 };
  }
}

/**
 * The node each alias names: the last one before it with its anchor, as `Alias.resolve` decides, found in one walk of
 * the document rather than one per alias (quadratic: thousands of aliases took seconds).
 */
function aliasTargetsOf(document: Document.Parsed): Map<YamlNode, YamlNode> {
  const targets = new Map<YamlNode, YamlNode>();
  const anchored = new Map<string, YamlNode>();
  visit(document, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target !== undefined) targets.set(node, target);
      } else if (node.anchor !== undefined && node.anchor !== '') {
        anchored.set(node.anchor, node);
      }
    },
  });
  return targets;
}

function keyText(key: YamlNode | null): string {
  if (key === null) return '';
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}

function nullAt(offset: number): Converted {
  return { value: null, source: { kind: 'scalar', range: { start: offset, end: offset } }, size: 1 };
}

function rangeOf(node: YamlNode): Range {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}
