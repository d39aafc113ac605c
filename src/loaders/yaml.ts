import {
  binaryTag,
  boolCoreTag,
  COLLECTION_STYLE,
  EVENT_ID,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type AliasEvent,
  type Event,
  type MappingEvent,
  type ScalarEvent,
  type ScalarTagDefinition,
  type SequenceEvent,
} from './js-yaml.js';
import {
  MAX_NESTING_DEPTH,
  nestedTooDeep,
  setMember,
  type LoadProblem,
  type ObjectEntry,
  type ParsedDocument,
  type Range,
  type SourceDocument,
  type SourceNode,
} from './source-document.js';

/**
 * Bounds what aliases may expand to. A definition has about a hundred nodes; a "billion laughs" document has
 * billions, and every rule walking it would pay for each one.
 */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * How the parser is called. js-yaml counts the collection it refuses, so one more than the deepest allowed: the
 * converter below does not recurse, but rules walking the values do, once per level.
 */
export const PARSER_OPTIONS = { maxDepth: MAX_NESTING_DEPTH + 1 } as const;

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

/** The YAML 1.2 core schema's scalar types, in the order it tries them on a plain scalar. */
const CORE_SCALAR_TAGS: readonly ScalarTagDefinition[] = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/**
 * The core types a plain scalar may be, in that order, by its first character: each type says which characters it
 * may start with (null if any). Every key and plain value of a template is a plain scalar: one lookup each, rather
 * than a search of each type's list.
 */
const CORE_TAGS_STARTING_ANYHOW = CORE_SCALAR_TAGS.filter((type) => type.implicitFirstChars === null);
const CORE_TAGS_BY_FIRST_CHAR: ReadonlyMap<string, readonly ScalarTagDefinition[]> = new Map(
  CORE_SCALAR_TAGS.flatMap((type) => type.implicitFirstChars ?? []).map((first) => [
    first,
    CORE_SCALAR_TAGS.filter((type) => type.implicitFirstChars === null || type.implicitFirstChars.includes(first)),
  ]),
);

/** The core schema's types and `!!binary` by their explicit tags (`!!int "5"`); `!!str` keeps the text. */
const EXPLICIT_SCALAR_TAGS: ReadonlyMap<string, ScalarTagDefinition> = new Map(
  [...CORE_SCALAR_TAGS, binaryTag].map((tag) => [`!!${tag.tagName.split(':').at(-1)}`, tag]),
);

const MERGE_KEY = '<<';

/**
 * Parses a YAML stream (several documents allowed) as YAML 1.2 with the core schema, as the AWS CLI reads
 * `--cli-input-yaml`. Anchors, aliases and merge keys (`<<`) are resolved; positions inside aliased content
 * are those of the anchored original, the only place that text exists. CloudFormation's short-form tags
 * (`!Ref X`, `!GetAtt A.B`, …) become their long forms (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`).
 *
 * js-yaml's event parser gives each node's offsets without building a syntax tree; the values and their source
 * ranges are built from the events here, in one pass and without recursion.
 */
export function loadYaml(filePath: string, text: string): SourceDocument {
  let events: Event[];
  try {
    events = parseEvents(text, PARSER_OPTIONS);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return { filePath, text, format: 'yaml', documents: [], problems: [syntaxProblem(error, text)] };
  }
  // Comments matter only for suppressions: looked for only when the text holds one.
  const converter = new EventConverter(text, text.includes('sagelint-'));
  converter.convert(events);
  const { documents, problems, scalarRanges } = converter;
  if (problems.length > 0) return { filePath, text, format: 'yaml', documents: [], problems };
  const comments = scalarRanges === undefined ? [] : commentsOf(text, scalarRanges);
  return { filePath, text, format: 'yaml', documents, problems, ...(comments.length > 0 && { comments }) };
}

function syntaxProblem(error: YAMLException, text: string): LoadProblem {
  const offset = Math.min(error.mark?.position ?? 0, text.length);
  if (error.reason.startsWith('nesting exceeded maxDepth')) return nestedTooDeep(offset);
  // The parser's words for these come from the YAML grammar, not from the mistake.
  const code = text.charCodeAt(offset);
  if (error.reason === 'expected valid JSON character' && code < 0x20) {
    const character = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return { kind: 'syntax', message: `A double-quoted string holds the control character ${character}: write it as an escape.`, range: { start: offset, end: offset } };
  }
  const open = error.reason === 'deficient indentation' || error.reason.includes('within a flow collection') ? unclosedAt(text, offset) : undefined;
  if (open !== undefined) return { kind: 'syntax', message: notClosed(text.charAt(open)), range: { start: open, end: open + 1 } };
  return { kind: 'syntax', message: sentence(error.reason), range: { start: offset, end: offset } };
}

/** What to say of a quote or bracket that nothing closes: the parser only sees the next line badly indented. */
function notClosed(opener: string): string {
  const advice = 'that goes on to the next lines must be indented more than its key';
  if (opener === '{') return `This flow mapping is not closed with "}" (a flow collection ${advice}).`;
  if (opener === '[') return `This flow sequence is not closed with "]" (a flow collection ${advice}).`;
  return `This ${opener === '"' ? 'double' : 'single'}-quoted string is not closed (a string ${advice}).`;
}

/**
 * Where `offset` is inside a quoted string or a flow collection left open, the quote or the innermost bracket that
 * opened it; undefined when there is none. Comments are skipped. A quote opens a string only where a token starts
 * (`it's` is plain text), and a bracket a collection only where a node starts (`a [b` is plain text).
 */
function unclosedAt(text: string, offset: number): number | undefined {
  const open: number[] = [];
  let quote: number | undefined;
  for (let index = 0; index < offset; index += 1) {
    const char = text.charAt(index);
    if (quote !== undefined) {
      // `\"` in a double-quoted string and `''` in a single-quoted one do not close it.
      if (char === '\\' && text.charAt(quote) === '"') index += 1;
      else if (char === "'" && text.charAt(quote) === "'" && text.charAt(index + 1) === "'") index += 1;
      else if (char === text.charAt(quote)) quote = undefined;
      continue;
    }
    const tokenStart = index === 0 || ' \t\r\n[{,:'.includes(text.charAt(index - 1));
    if ((char === '"' || char === "'") && tokenStart) quote = index;
    else if (char === '#' && tokenStart) while (index < offset && text.charAt(index + 1) !== '\n') index += 1;
    else if ((char === '[' || char === '{') && startsNode(text, index)) open.push(index);
    else if (char === ']' || char === '}') open.pop();
  }
  return quote ?? open.at(-1);
}

/** Whether a node may start at `index`: after a line's indentation, or after `:`, `-`, `,`, `[` or `{` and blanks. */
function startsNode(text: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && (text.charAt(before) === ' ' || text.charAt(before) === '\t')) before -= 1;
  return before < 0 || '\r\n:-,[{'.includes(text.charAt(before));
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capitalized = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/**
 * Every comment of a YAML stream: a `#` at the start of a line or after a blank, outside every scalar's text (a `#`
 * in a quoted string or a block scalar is not one). `scalarRanges` are in document order, as the parser met them.
 */
function commentsOf(text: string, scalarRanges: readonly Range[]): Range[] {
  const comments: Range[] = [];
  let scalar = 0;
  for (let hash = text.indexOf('#'); hash !== -1; hash = text.indexOf('#', hash + 1)) {
    while (scalar < scalarRanges.length && (scalarRanges[scalar]?.end ?? 0) <= hash) scalar += 1;
    const inScalar = scalar < scalarRanges.length && (scalarRanges[scalar]?.start ?? Infinity) <= hash;
    const previous = text.charAt(hash - 1);
    if (inScalar || !(hash === 0 || previous === ' ' || previous === '\t' || previous === '\n' || previous === '\r')) continue;
    let end = hash;
    while (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== '\r') end += 1;
    comments.push({ start: hash, end });
    hash = end;
  }
  return comments;
}

interface Converted {
  value: unknown;
  source: SourceNode;
  /** How many nodes the value holds once every alias in it is expanded. */
  size: number;
}

/** A node handed to the collection (or document) it belongs to. */
interface Child {
  node: Converted;
  /** Where an alias is written, for a node that one names: limits are reported there. */
  alias?: Range;
  /** The member name a scalar makes as a key: its value as text. A collection's is its JSON, made only when needed. */
  keyText?: string;
  /** Where the node is written as a key: a tagged scalar's own text, without its tag. */
  keyRange: Range;
  /** A plain, untagged `<<`. */
  isMergeKey: boolean;
}

/** A mapping or sequence whose end has not been reached. */
interface OpenCollection {
  event: MappingEvent | SequenceEvent;
  /** End of the last child: a block collection ends there; a flow one at its closing bracket after it. */
  end: number;
  size: number;
  mapping?: {
    value: Record<string, unknown>;
    entries: Map<string, ObjectEntry>;
    /** The key whose value comes next. */
    key?: { text: string; range: Range } | typeof MERGE_KEY;
    /** The values of merge keys, applied when the mapping ends: explicit keys win over merged ones. */
    merges: Child[];
  };
  /** `children` are kept for a sequence that may be merged (a merge key's value, or anchored): each is a source. */
  sequence?: { value: unknown[]; items: SourceNode[]; children?: Child[] };
  /** An anchor's name, while its node is open: an alias of it inside is a cycle. */
  anchor?: string;
}

class ConversionError extends Error {
  constructor(readonly problem: LoadProblem) {
    super(problem.message);
  }
}

/** Builds each document's value and source tree from the parser's events. */
class EventConverter {
  readonly documents: ParsedDocument[] = [];
  readonly problems: LoadProblem[] = [];
  /** Where each scalar's text is, in document order, when comments are wanted: they are looked for outside them. */
  readonly scalarRanges: Range[] | undefined;
  private open: OpenCollection[] = [];
  private anchors = new Map<string, Converted | OpenCollection>();
  private root: Child | undefined;
  /** After a problem, the rest of the document is skipped. */
  private failed = false;
  /** Whether the document has used an alias yet: only then can it expand past what is written. */
  private aliasSeen = false;
  /** The end of the last event with a position, where an empty document is. */
  private lastEnd = 0;
  /** The items of sequences that may be merged, by the node each became. */
  private readonly mergeSources = new WeakMap<Converted, readonly Child[]>();

  constructor(
    private readonly text: string,
    wantComments: boolean,
  ) {
    this.scalarRanges = wantComments ? [] : undefined;
  }

  convert(events: readonly Event[]): void {
    for (const event of events) {
      if (event.type === EVENT_ID.DOCUMENT) {
        this.startDocument();
        continue;
      }
      if (this.failed) continue;
      try {
        this.take(event);
      } catch (error) {
        if (!(error instanceof ConversionError)) throw error;
        this.problems.push(error.problem);
        this.failed = true;
      }
    }
  }

  private startDocument(): void {
    this.open = [];
    this.anchors = new Map();
    this.root = undefined;
    this.failed = false;
    this.aliasSeen = false;
  }

  private take(event: Event): void {
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        this.openCollection(event);
        return;
      case EVENT_ID.SCALAR:
        this.add(this.scalar(event));
        return;
      case EVENT_ID.ALIAS:
        this.add(this.alias(event));
        return;
      case EVENT_ID.POP: {
        const collection = this.open.pop();
        if (collection !== undefined) this.add(this.close(collection));
        else this.endDocument();
        return;
      }
      default:
        return;
    }
  }

  private endDocument(): void {
    const root = this.root;
    if (root === undefined) return;
    this.documents.push({ value: root.node.value, root: root.node.source });
  }

  private openCollection(event: MappingEvent | SequenceEvent): void {
    const parent = this.open.at(-1);
    const collection: OpenCollection = { event, end: event.start + 1, size: 1 };
    if (event.type === EVENT_ID.MAPPING) collection.mapping = { value: {}, entries: new Map(), merges: [] };
    const anchor = this.anchorOf(event);
    if (event.type === EVENT_ID.SEQUENCE) {
      const mayBeMerged = parent?.mapping?.key === MERGE_KEY || anchor !== undefined;
      collection.sequence = { value: [], items: [], ...(mayBeMerged && { children: [] }) };
    }
    if (anchor !== undefined) {
      collection.anchor = anchor;
      this.anchors.set(anchor, collection);
    }
    this.open.push(collection);
  }

  /** Puts a finished node where it belongs: the document's root, a sequence's next item, a mapping's key or value. */
  private add(child: Child): void {
    const end = (child.alias ?? child.node.source.range).end;
    this.lastEnd = Math.max(this.lastEnd, end);
    const parent = this.open.at(-1);
    if (parent === undefined) {
      this.root = child;
      return;
    }
    parent.end = Math.max(parent.end, end);
    const { sequence, mapping } = parent;
    if (sequence !== undefined) {
      sequence.value.push(child.node.value);
      sequence.items.push(child.node.source);
      sequence.children?.push(child);
      this.grow(parent, child.node.size, child.alias ?? child.node.source.range);
      return;
    }
    if (mapping === undefined) return;
    const key = mapping.key;
    if (key === undefined) {
      if (child.isMergeKey) {
        mapping.key = MERGE_KEY;
        return;
      }
      const range = child.keyRange;
      const text = child.keyText ?? JSON.stringify(child.node.value);
      if (mapping.entries.has(text)) {
        throw new ConversionError({ kind: 'syntax', message: `Duplicate key ${JSON.stringify(text)}.`, range });
      }
      mapping.key = { text, range };
      return;
    }
    mapping.key = undefined;
    if (key === MERGE_KEY) {
      if (!isEmptyScalar(child.node)) mapping.merges.push(child);
      return;
    }
    setMember(mapping.value, key.text, child.node.value);
    mapping.entries.set(key.text, { key: key.range, node: child.node.source });
    this.grow(parent, child.node.size, child.alias ?? key.range);
  }

  private grow(collection: OpenCollection, size: number, at: Range): void {
    collection.size += size;
    // Without an alias the nodes are all written out, as many as the size limit on files lets through.
    if (this.aliasSeen && collection.size > MAX_EXPANDED_NODES) throw tooLarge(at);
  }

  private close(collection: OpenCollection): Child {
    const { event, mapping, sequence } = collection;
    const start = event.start;
    const end = event.style === COLLECTION_STYLE.FLOW ? this.closingBracket(collection.end) : collection.end;
    const range = { start, end };
    let node: Converted;
    if (mapping !== undefined) {
      for (const merge of mapping.merges) this.merge(collection, merge);
      node = { value: mapping.value, source: { kind: 'object', range, entries: mapping.entries }, size: collection.size };
    } else {
      node = { value: sequence?.value ?? [], source: { kind: 'array', range, items: sequence?.items ?? [] }, size: collection.size };
    }
    const finished = this.tagged(event, node);
    // A tagged sequence (`!If [...]`) is one value, not a list of sources.
    if (sequence?.children !== undefined && finished === node) this.mergeSources.set(node, sequence.children);
    if (collection.anchor !== undefined && this.anchors.get(collection.anchor) === collection) this.anchors.set(collection.anchor, finished);
    return { node: finished, keyRange: finished.source.range, isMergeKey: false };
  }

  /** Merges a `<<` value (a mapping, or a sequence of them) into the mapping; earlier sources win over later ones. */
  private merge(collection: OpenCollection, merge: Child): void {
    const mapping = collection.mapping;
    if (mapping === undefined) return;
    const sources = this.mergeSources.get(merge.node) ?? [merge];
    for (const source of sources) {
      const at = source.alias ?? source.node.source.range;
      const { value, source: sourceNode } = source.node;
      if (sourceNode.kind !== 'object' || typeof value !== 'object' || value === null) {
        throw new ConversionError({ kind: 'syntax', message: 'A YAML merge key (<<) must name a mapping.', range: at });
      }
      for (const [key, entry] of sourceNode.entries) {
        if (mapping.entries.has(key)) continue;
        setMember(mapping.value, key, (value as Record<string, unknown>)[key]);
        mapping.entries.set(key, entry);
      }
      this.grow(collection, source.node.size, at);
    }
  }

  private closingBracket(from: number): number {
    const text = this.text;
    for (let offset = from; offset < text.length; offset += 1) {
      const char = text.charAt(offset);
      if (char === ']' || char === '}') return offset + 1;
      if (char === '#') while (offset < text.length && text.charAt(offset) !== '\n') offset += 1;
    }
    return text.length;
  }

  private scalar(event: ScalarEvent): Child {
    const tag = this.tagOf(event);
    const empty = event.valueStart === -1;
    const raw = empty ? '' : getScalarValue(this.text, event);
    const range = empty ? this.emptyRange(event) : this.scalarRange(event);
    if (!empty) this.scalarRanges?.push({ start: event.valueStart, end: event.valueEnd });
    const plain = event.style === SCALAR_STYLE.PLAIN;
    const value = resolveScalar(raw, plain, tag === undefined ? undefined : this.text.slice(tag.start, tag.end));
    const node = this.tagged(event, { value, source: { kind: 'scalar', range }, size: 1 });
    const anchor = this.anchorOf(event);
    if (anchor !== undefined) this.anchors.set(anchor, node);
    const keyText = value === null ? '' : String(value);
    return { node, keyText, keyRange: range, isMergeKey: plain && tag === undefined && raw === MERGE_KEY };
  }

  private alias(event: AliasEvent): Child {
    const name = this.text.slice(event.anchorStart, event.anchorEnd);
    // The event's range is the name; the alias is written with its `*`.
    const range = { start: event.anchorStart - 1, end: event.anchorEnd };
    const target = this.anchors.get(name);
    if (target === undefined) throw new ConversionError({ kind: 'syntax', message: `Unknown YAML alias *${name}.`, range });
    if (!('value' in target)) {
      throw new ConversionError({ kind: 'syntax', message: `The YAML alias *${name} refers to a node that contains it.`, range });
    }
    if (target.size > MAX_EXPANDED_NODES) throw tooLarge(range);
    this.aliasSeen = true;
    const keyText = target.source.kind === 'scalar' ? (target.value === null ? '' : String(target.value)) : undefined;
    return { node: target, alias: range, ...(keyText !== undefined && { keyText }), keyRange: range, isMergeKey: false };
  }

  /**
   * A short-form intrinsic as its long form: one member named after the tag, whose key range is the tag and whose
   * value is the tagged node's. `!GetAtt A.B` is split at the first dot, as CloudFormation does, into `["A", "B"]`.
   */
  private tagged(event: ScalarEvent | MappingEvent | SequenceEvent, inner: Converted): Converted {
    const tag = this.tagOf(event);
    const key = tag === undefined ? undefined : INTRINSIC_TAGS.get(this.text.slice(tag.start, tag.end));
    if (tag === undefined || key === undefined) return inner;
    const value = key === 'Fn::GetAtt' && typeof inner.value === 'string' ? this.splitGetAtt(inner.value, inner.source.range) : inner;
    const wrapper: Record<string, unknown> = {};
    setMember(wrapper, key, value.value);
    const range = { start: tag.start, end: Math.max(tag.end, value.source.range.end) };
    const entries = new Map<string, ObjectEntry>([[key, { key: tag, node: value.source }]]);
    return { value: wrapper, source: { kind: 'object', range, entries }, size: value.size + 1 };
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

  private tagOf(event: ScalarEvent | MappingEvent | SequenceEvent): Range | undefined {
    return event.tagStart === -1 ? undefined : { start: event.tagStart, end: event.tagEnd };
  }

  private anchorOf(event: ScalarEvent | MappingEvent | SequenceEvent): string | undefined {
    return event.anchorStart === -1 ? undefined : this.text.slice(event.anchorStart, event.anchorEnd);
  }

  /** A quoted scalar with its quotes; a block scalar from its `|` or `>` to its last line of text. */
  private scalarRange(event: ScalarEvent): Range {
    const { valueStart: start, valueEnd: end, style } = event;
    if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) return { start: start - 1, end: end + 1 };
    if (style !== SCALAR_STYLE.LITERAL_BLOCK && style !== SCALAR_STYLE.FOLDED_BLOCK) return { start, end };
    const text = this.text;
    const headerEnd = text.lastIndexOf('\n', start - 1);
    const headerLine = text.slice(text.lastIndexOf('\n', headerEnd - 1) + 1, headerEnd);
    const indicator = /[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/.exec(headerLine);
    const headerStart = indicator === null ? start : headerEnd - headerLine.length + indicator.index;
    let last = end;
    while (last > start && /\s/.test(text.charAt(last - 1))) last -= 1;
    const lineEnd = text.indexOf('\n', last);
    return { start: headerStart, end: last === start ? end : lineEnd === -1 || lineEnd >= end ? end : lineEnd + 1 };
  }

  /** A node with no text: after its tag or anchor; else after its key's `:` or its `- `. */
  private emptyRange(event: ScalarEvent): Range {
    const propertiesEnd = Math.max(event.tagEnd, event.anchorEnd);
    if (propertiesEnd !== -1) return { start: propertiesEnd, end: propertiesEnd };
    const parent = this.open.at(-1);
    const key = parent?.mapping?.key;
    if (key !== undefined && key !== MERGE_KEY) {
      const afterColon = /^[ \t]*:/.exec(this.text.slice(key.range.end, key.range.end + 64));
      const offset = key.range.end + (afterColon?.[0].length ?? 0);
      return { start: offset, end: offset };
    }
    if (parent?.sequence !== undefined) {
      const dash = this.text.indexOf('-', parent.sequence.items.length === 0 ? parent.event.start : parent.end);
      let offset = dash === -1 ? parent.end : dash + 1;
      while (this.text.charAt(offset) === ' ' || this.text.charAt(offset) === '\t') offset += 1;
      return { start: offset, end: offset };
    }
    return this.documentStart();
  }

  /** Where an empty document is: after its `---` (and the blanks after it), or after the document before it. */
  private documentStart(): Range {
    const marker = /(?:^|\n)---[ \t]*/g;
    marker.lastIndex = this.lastEnd;
    const found = marker.exec(this.text);
    const offset = found === null ? this.lastEnd : found.index + found[0].length;
    return { start: offset, end: offset };
  }
}

function isEmptyScalar(node: Converted): boolean {
  return node.source.kind === 'scalar' && node.source.range.start === node.source.range.end && node.value === null;
}

function tooLarge(at: Range): ConversionError {
  return new ConversionError({
    kind: 'syntax',
    message: `YAML aliases expand to more than ${MAX_EXPANDED_NODES} nodes; the document was not expanded.`,
    range: at,
  });
}

/**
 * A scalar's value. Plain scalars take the core schema's types (null, booleans, integers, floats), as do scalars
 * tagged with one of them (`!!int "5"`); every other scalar, intrinsic tags' included, is its text.
 */
function resolveScalar(raw: string, plain: boolean, tag: string | undefined): unknown {
  if (tag !== undefined) {
    const explicit = EXPLICIT_SCALAR_TAGS.get(tag);
    const resolved = explicit?.resolve(raw, true, explicit.tagName);
    return resolved === undefined || resolved === NOT_RESOLVED ? raw : resolved;
  }
  if (!plain) return raw;
  for (const type of CORE_TAGS_BY_FIRST_CHAR.get(raw.charAt(0)) ?? CORE_TAGS_STARTING_ANYHOW) {
    const resolved = type.resolve(raw, false, type.tagName);
    if (resolved !== NOT_RESOLVED) return resolved;
  }
  return raw;
}
